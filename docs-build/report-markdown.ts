// The reviewer's summary as Markdown, for a pull-request comment: the
// counts, the matrix, what changed since the baseline, and every failure
// with its message. Text from the run is escaped for Markdown (a scenario
// name cannot break the table or inject HTML).

import type { Change } from './baseline';
import type { Spec } from './model';
import { outcomeView } from './outcomes';
import { countsView, FAILING } from './views';

/** Escapes Markdown and HTML metacharacters in inline text. */
export function inline(text: string): string {
  return text.replace(/[\\`*_[\]<>|#&~!]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A fenced block whose fence no line of `text` can close. */
export function fenced(text: string, info = 'text'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text.replace(/\n$/, '')}\n${fence}`;
}

function mark(outcome: Parameters<typeof outcomeView>[0], status: string, ok: boolean): string {
  const v = outcomeView(outcome, status);
  return `${v.glyph} ${v.label}${ok ? '' : ' **(not as claimed)**'}`;
}

export function reportMarkdown(spec: Spec, diff: readonly Change[] | null): string {
  const counts = countsView(spec);
  const out: string[] = [];
  out.push(`## mountspec: ${counts.asClaimed} of ${counts.cells} results as the spec claims${counts.notAsClaimed ? `, ${counts.notAsClaimed} not` : ''}`, '');
  out.push(`${counts.scenarios} scenarios in ${counts.features} features on ${spec.kernels.map((k) => `\`${k.label}\``).join(', ')}.`, '');
  out.push(`| outcome | ${spec.kernels.map((k) => inline(k.label)).join(' | ')} | all |`, `|---|${spec.kernels.map(() => '---:').join('|')}|---:|`);
  for (const row of counts.rows) out.push(`| ${row.outcome.glyph} ${row.outcome.label} | ${row.counts.join(' | ')} | ${row.total} |`);
  out.push('');
  if (diff) {
    out.push('### Changed since the baseline', '');
    if (diff.length === 0) out.push('Nothing changed status.');
    for (const c of diff) out.push(`- \`${c.key}\` ${inline(c.name)} on **${inline(c.kernel)}**: ${c.before} → **${c.after}**`);
    out.push('');
  }
  out.push('### Matrix', '', `| scenario | ${spec.kernels.map((k) => inline(k.label)).join(' | ')} |`, `|---|${spec.kernels.map(() => '---').join('|')}|`);
  for (const f of spec.features) {
    out.push(`| **${inline(f.name)}** |${spec.kernels.map(() => ' ').join('|')}|`);
    for (const s of f.scenarios) out.push(`| ${inline(s.name)} \`${s.key}\` | ${s.cells.map((c) => mark(c.outcome, c.status, c.ok)).join(' | ')} |`);
  }
  out.push('');
  const failures = spec.features.flatMap((f) => f.scenarios.flatMap((s) => s.cells.filter((c) => FAILING.has(c.outcome) || !c.ok).map((c) => ({ s, c }))));
  out.push(`### Failures (${failures.length})`, '');
  if (failures.length === 0) out.push('None.');
  for (const { s, c } of failures) {
    out.push(`#### ${inline(s.name)} on ${inline(spec.kernels.find((k) => k.id === c.kernel)?.label ?? c.kernel)}: ${mark(c.outcome, c.status, c.ok)}`, '', `\`${s.key}\` · reproduce: \`node bin/mountspec.js reproduce ${s.key} --kernel ${c.kernel}\``, '');
    if (c.message) out.push(fenced(c.message), '');
    const log = c.session?.results.flatMap((r) => r.kernel) ?? [];
    if (log.length) out.push('Kernel log:', '', fenced(log.join('\n')), '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
