// The explorer's answer, for people (text) and machines (--json).

import type { Variant } from '../kernel/variants';
import type { Confirmation } from './confirm';
import { PROPERTIES } from './properties';
import type { SearchResult } from './search';

export interface Report {
  readonly variant: Variant;
  readonly result: SearchResult;
  readonly confirmations: Partial<Record<string, Confirmation>>;
  readonly world: { readonly paths: readonly string[]; readonly fds: readonly number[]; readonly extras: readonly string[] };
}

/** "no violation of properties 1–5 in N distinct states, all sequences of ≤ D commands over this alphabet" */
export function boundSentence(r: SearchResult, properties: readonly number[]): string {
  const which = properties.length === PROPERTIES.length ? '1–5' : properties.join(', ');
  return `no violation of ${properties.length === 1 ? 'property' : 'properties'} ${which} in ${r.states.toLocaleString('en')} distinct states, all sequences of ≤ ${r.depth} commands over this ${r.alphabet.length}-command alphabet`;
}

export function toText(rep: Report): string {
  const { variant: v, result: r } = rep;
  const lines: string[] = [];
  const patches = [...v.patches, ...v.reverts.map((p) => `-${p}`)];
  lines.push(`[mountspec explore] kernel ${v.id}: base ${v.base}${patches.length ? ` + ${patches.join(' ')}` : ''}`);
  lines.push(`alphabet (${r.alphabet.length} commands; paths ${rep.world.paths.join(' ')}, fds ${rep.world.fds.join(' ')}${rep.world.extras.length ? `, with ${rep.world.extras.join(' ')}` : ''}):`);
  for (const w of r.alphabet) lines.push(`  ${w}`);
  if (r.setup.length) lines.push(`setup, run first and not counted: ${r.setup.join('; ')}`);
  const secs = r.elapsedMs / 1000;
  lines.push(`searched all sequences of ≤ ${r.depth} commands: ${r.states} distinct states (per depth: ${r.perDepth.join(', ')}), ${r.steps} steps in ${secs.toFixed(1)} s (${Math.round(r.states / Math.max(secs, 0.001))} states/s)`);
  const clean: number[] = [];
  for (const p of PROPERTIES) {
    const c = r.counterexamples[p.id];
    if (!c) {
      clean.push(p.n);
      lines.push(`(${p.n}) ${p.title}: no violation`);
      continue;
    }
    lines.push(`(${p.n}) ${p.title}: VIOLATED; shortest transcript (${c.commands.length} commands):`);
    for (const cmd of r.setup) lines.push(`    # ${cmd}    (setup)`);
    c.commands.forEach((cmd, i) => lines.push(`    # ${cmd}${i === c.commands.length - 1 ? `    <- ${c.violation.summary}` : ''}`));
    for (const e of c.violation.evidence) lines.push(`      ${e}`);
    const conf = rep.confirmations[p.id];
    if (conf) {
      const run = conf.run ? `; mountspec run --kernel ${v.id}: "${c.commands.at(-1)}" ${conf.run.stuck ? 'never returns' : `exits ${conf.run.status}`}` : '';
      lines.push(`    confirmed: ${conf.replayed ? 'a fresh replay breaks it at the same command' : 'NOT reproduced by a fresh replay'}${run}`);
    }
  }
  if (clean.length) lines.push(`bound: ${boundSentence(r, clean)}`);
  return `${lines.join('\n')}\n`;
}

export function toJson(rep: Report): string {
  const { variant: v, result: r } = rep;
  return `${JSON.stringify({
    kernel: v.id,
    base: v.base,
    patches: v.patches,
    reverts: v.reverts,
    depth: r.depth,
    alphabet: r.alphabet,
    setup: r.setup,
    states: r.states,
    steps: r.steps,
    perDepth: r.perDepth,
    elapsedMs: Math.round(r.elapsedMs),
    properties: PROPERTIES.map((p) => {
      const c = r.counterexamples[p.id];
      return { id: p.id, n: p.n, title: p.title, violated: !!c, ...(c ? { commands: c.commands, summary: c.violation.summary, evidence: c.violation.evidence, confirmation: rep.confirmations[p.id] ?? null } : {}) };
    }),
  })}\n`;
}
