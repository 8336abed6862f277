// The reviewer's summary as Markdown, for a pull-request comment. What needs
// a reviewer comes first: results not as the spec claims, then what changed
// since the baseline; then the counts; the matrix and the expected failures
// are collapsed in <details>. It never exceeds MAX_CHARS (a comment holds
// 65,536): past that it is cut, with a pointer to report.html. It names no
// local path. Text from the run is escaped for Markdown (a scenario name
// cannot break the table or inject HTML).

import { byArea } from './areas';
import { describeChange, type Change } from './baseline';
import type { Cell, Scenario, Spec } from './model';
import { outcomeView } from './outcomes';
import { countsView, FAILING } from './views';

export const MAX_CHARS = 60_000;

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

/** A part of the comment: its opening and closing text, and items that may be cut. */
interface Section {
  readonly open: string;
  readonly items: readonly string[];
  readonly close: string;
}

const CUT = (total: number) => `\n_Cut here to stay under ${MAX_CHARS.toLocaleString('en')} characters (the whole summary is ${total.toLocaleString('en')}): \`report.html\`, written beside this file, has everything._\n`;

/** The sections joined, cut at an item boundary (each section still closed) when over the cap. */
function within(sections: readonly Section[], max: number): string {
  const whole = sections.map((s) => s.open + s.items.join('') + s.close).join('');
  if (whole.length <= max) return whole;
  const notice = CUT(whole.length);
  let out = '';
  for (const s of sections) {
    if (out.length + s.open.length + s.close.length + notice.length > max) break;
    let body = '';
    let cut = false;
    for (const item of s.items) {
      if (out.length + s.open.length + body.length + item.length + s.close.length + notice.length > max) {
        cut = true;
        break;
      }
      body += item;
    }
    out += s.open + body + s.close;
    if (cut) break;
  }
  return out + notice;
}

function failureItem(spec: Spec, s: Scenario, c: Cell, seenLogs: Map<string, string>): string {
  const label = spec.kernels.find((k) => k.id === c.kernel)?.label ?? c.kernel;
  const lines = [`#### ${inline(s.name)} on ${inline(label)}: ${mark(c.outcome, c.status, c.ok)}`, '', `\`${s.key}\` · reproduce: \`node bin/mountspec.js reproduce ${s.key} --kernel ${c.kernel}\``, ''];
  if (c.message) lines.push(fenced(c.message), '');
  const log = (c.session?.results.flatMap((r) => r.kernel) ?? []).join('\n');
  if (log) {
    // The same soft lockup, run after run: quote it once.
    const first = seenLogs.get(log);
    if (first) lines.push(`Kernel log: the same as ${first}'s.`, '');
    else {
      seenLogs.set(log, `${inline(s.name)} on ${inline(label)}`);
      lines.push(`Kernel log${c.session?.kernel === 'live' ? '' : ' (modelled)'}:`, '', fenced(log), '');
    }
  }
  return `${lines.join('\n')}\n`;
}

export function reportMarkdown(spec: Spec, diff: readonly Change[] | null, max = MAX_CHARS): string {
  const counts = countsView(spec);
  const cells = spec.features.flatMap((f) => f.scenarios.flatMap((s) => s.cells.map((c) => ({ s, c }))));
  const wrong = cells.filter(({ c }) => !c.ok);
  const expected = cells.filter(({ c }) => c.ok && FAILING.has(c.outcome));
  const seenLogs = new Map<string, string>();
  const head = [
    `## mountspec: ${counts.asClaimed} of ${counts.cells} results as the spec claims${counts.notAsClaimed ? `, **${counts.notAsClaimed} not**` : ''}`,
    '',
    `${counts.scenarios} scenarios in ${counts.features} features on ${spec.kernels.map((k) => `\`${k.label}\``).join(', ')}. The full report, with each run's terminal, kernel log and mount trees, is \`report.html\`.`,
    '',
    '',
  ].join('\n');
  const sections: Section[] = [{ open: head, items: [], close: '' }];
  if (wrong.length) sections.push({ open: `### Not as the spec claims (${wrong.length})\n\n`, items: wrong.map(({ s, c }) => failureItem(spec, s, c, seenLogs)), close: '\n' });
  if (diff) {
    sections.push({
      open: '### Changed since the baseline\n\n',
      items: diff.length ? diff.map((c) => `- ${inline(describeChange(c))}\n`) : ['Nothing changed.\n'],
      close: '\n',
    });
  }
  const countRows = counts.rows.map((row) => `| ${row.outcome.glyph} ${row.outcome.label} | ${row.counts.join(' | ')} | ${row.total} |\n`);
  sections.push({ open: `### Counts\n\n| outcome | ${spec.kernels.map((k) => inline(k.label)).join(' | ')} | all |\n|---|${spec.kernels.map(() => '---:').join('|')}|---:|\n`, items: countRows, close: '\n' });
  // In the site's order: by area (areas.ts), the thread first.
  const matrixRows = byArea(spec.features).flatMap((a) => a.features).flatMap((f) => [
    `| **${inline(f.name)}** |${spec.kernels.map(() => ' ').join('|')}|\n`,
    ...f.scenarios.map((s) => `| ${inline(s.name)} \`${s.key}\` | ${s.cells.map((c) => mark(c.outcome, c.status, c.ok)).join(' | ')} |\n`),
  ]);
  sections.push({ open: `<details><summary>Matrix: ${counts.scenarios} scenarios × ${spec.kernels.length} kernels</summary>\n\n| scenario | ${spec.kernels.map((k) => inline(k.label)).join(' | ')} |\n|---|${spec.kernels.map(() => '---').join('|')}|\n`, items: matrixRows, close: '\n</details>\n\n' });
  sections.push({ open: `<details><summary>Failures the spec declares (${expected.length}): each failed as claimed</summary>\n\n`, items: expected.length ? expected.map(({ s, c }) => failureItem(spec, s, c, seenLogs)) : ['None.\n'], close: '\n</details>\n' });
  return `${within(sections, max).replace(/\n+$/, '')}\n`;
}
