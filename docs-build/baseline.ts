// What changed since a baseline run, as a reviewer reads it. Scenarios are
// matched on feature file + scenario name, never on line numbers: a scenario
// that only moved is unchanged; one whose name changed but whose steps did
// not is "renamed". A kernel that came or went is one line, not one per cell.

import type { CellOutcome, Scenario, Spec } from './model';

export type Before = CellOutcome | 'absent';

/** One scenario on one kernel (both runs have the kernel) whose outcome differs. */
export interface OutcomeChange {
  readonly kind: 'outcome';
  readonly key: string;
  readonly name: string;
  readonly kernel: string;
  readonly before: CellOutcome;
  readonly after: CellOutcome;
}

/** A scenario that came, went or was renamed: one entry, whatever the kernels. */
export interface ScenarioChange {
  readonly kind: 'added' | 'removed' | 'renamed';
  /** The key in the run it is in (the current run's, except for `removed`). */
  readonly key: string;
  readonly name: string;
  /** For `renamed`: the name in the baseline. */
  readonly oldName: string | null;
  /** For `added` and `removed`: its outcome per kernel, `v12 passed, …`. */
  readonly outcomes: readonly { readonly kernel: string; readonly outcome: CellOutcome }[];
}

export interface KernelChange {
  readonly kind: 'kernel added' | 'kernel removed';
  readonly kernel: string;
  /** How many scenarios it has results for. */
  readonly results: number;
}

export type Change = OutcomeChange | ScenarioChange | KernelChange;

const identity = (s: Scenario) => `${s.uri}\n${s.name}`;
const stepsOf = (s: Scenario) => `${s.uri}\n${s.steps.map((x) => `${x.keyword.trim()} ${x.text}\n${x.docString ?? ''}`).join('\n')}`;
const scenariosOf = (spec: Spec) => spec.features.flatMap((f) => f.scenarios);

/** Pairs items of `a` and `b` with the same key, in order (two scenarios may share a name). */
function pair<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): { pairs: [T, T][]; onlyA: T[]; onlyB: T[] } {
  const waiting = new Map<string, T[]>();
  for (const x of b) waiting.set(key(x), [...(waiting.get(key(x)) ?? []), x]);
  const pairs: [T, T][] = [];
  const onlyA: T[] = [];
  for (const x of a) {
    const match = waiting.get(key(x))?.shift();
    if (match) pairs.push([x, match]);
    else onlyA.push(x);
  }
  return { pairs, onlyA, onlyB: [...waiting.values()].flat() };
}

export function changes(current: Spec, baseline: Spec): Change[] {
  const nowKernels = current.kernels.map((k) => k.id);
  const thenKernels = baseline.kernels.map((k) => k.id);
  const common = nowKernels.filter((k) => thenKernels.includes(k));
  const list: Change[] = [];
  const resultsOn = (spec: Spec, kernel: string) => scenariosOf(spec).filter((s) => s.cells.some((c) => c.kernel === kernel && c.outcome !== 'no result')).length;
  for (const k of nowKernels.filter((k) => !thenKernels.includes(k))) list.push({ kind: 'kernel added', kernel: k, results: resultsOn(current, k) });
  for (const k of thenKernels.filter((k) => !nowKernels.includes(k))) list.push({ kind: 'kernel removed', kernel: k, results: resultsOn(baseline, k) });

  const byName = pair(scenariosOf(current), scenariosOf(baseline), identity);
  const bySteps = pair(byName.onlyA, byName.onlyB, stepsOf);
  const outcomesOf = (s: Scenario) => s.cells.map((c) => ({ kernel: c.kernel, outcome: c.outcome }));
  const perScenario: { line: [string, number]; changes: Change[] }[] = [];
  for (const [now, then] of [...byName.pairs, ...bySteps.pairs]) {
    const found: Change[] = [];
    if (now.name !== then.name) found.push({ kind: 'renamed', key: now.key, name: now.name, oldName: then.name, outcomes: [] });
    for (const kernel of common) {
      const before = then.cells.find((c) => c.kernel === kernel)?.outcome ?? 'no result';
      const after = now.cells.find((c) => c.kernel === kernel)?.outcome ?? 'no result';
      if (before !== after) found.push({ kind: 'outcome', key: now.key, name: now.name, kernel, before, after });
    }
    if (found.length) perScenario.push({ line: [now.uri, now.line], changes: found });
  }
  for (const s of bySteps.onlyA) perScenario.push({ line: [s.uri, s.line], changes: [{ kind: 'added', key: s.key, name: s.name, oldName: null, outcomes: outcomesOf(s) }] });
  for (const s of bySteps.onlyB) perScenario.push({ line: [s.uri, s.line], changes: [{ kind: 'removed', key: s.key, name: s.name, oldName: null, outcomes: outcomesOf(s) }] });
  perScenario.sort((a, b) => (a.line[0] < b.line[0] ? -1 : a.line[0] > b.line[0] ? 1 : a.line[1] - b.line[1]));
  return [...list, ...perScenario.flatMap((p) => p.changes)];
}

/** One line of plain text per change (the report's Markdown and HTML both build on it). */
export function describeChange(c: Change): string {
  switch (c.kind) {
    case 'kernel added':
      return `kernel ${c.kernel} added (${c.results} scenarios run on it)`;
    case 'kernel removed':
      return `kernel ${c.kernel} removed (it had ${c.results} scenarios)`;
    case 'outcome':
      return `${c.key} "${c.name}" on ${c.kernel}: ${c.before} → ${c.after}`;
    case 'renamed':
      return `${c.key} renamed: "${c.oldName}" → "${c.name}" (same steps)`;
    case 'added':
    case 'removed':
      return `${c.key} "${c.name}" ${c.kind}${c.outcomes.length ? `: ${summarise(c.outcomes)}` : ''}`;
  }
}

/** `passed on v12, mainline; failed as declared on live`. */
export function summarise(outcomes: readonly { kernel: string; outcome: CellOutcome }[]): string {
  const groups = new Map<string, string[]>();
  for (const o of outcomes) groups.set(o.outcome, [...(groups.get(o.outcome) ?? []), o.kernel]);
  return [...groups].map(([outcome, kernels]) => `${outcome} on ${kernels.join(', ')}`).join('; ');
}
