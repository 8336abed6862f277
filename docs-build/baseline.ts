// What changed status since a baseline run: every (scenario, kernel) whose
// outcome differs, including scenarios and kernels that came or went.

import type { CellOutcome, Spec } from './model';

export type Before = CellOutcome | 'absent';

export interface Change {
  readonly key: string;
  readonly name: string;
  readonly kernel: string;
  readonly before: Before;
  readonly after: Before;
}

function outcomes(spec: Spec): Map<string, { name: string; byKernel: Map<string, CellOutcome> }> {
  const out = new Map<string, { name: string; byKernel: Map<string, CellOutcome> }>();
  for (const f of spec.features) for (const s of f.scenarios) out.set(s.key, { name: s.name, byKernel: new Map(s.cells.map((c) => [c.kernel, c.outcome])) });
  return out;
}

export function changes(current: Spec, baseline: Spec): Change[] {
  const now = outcomes(current);
  const then = outcomes(baseline);
  const kernels = [...new Set([...current.kernels.map((k) => k.id), ...baseline.kernels.map((k) => k.id)])];
  const keys = [...new Set([...now.keys(), ...then.keys()])].sort((a, b) => {
    const [fa, la] = [a.slice(0, a.lastIndexOf(':')), Number(a.slice(a.lastIndexOf(':') + 1))];
    const [fb, lb] = [b.slice(0, b.lastIndexOf(':')), Number(b.slice(b.lastIndexOf(':') + 1))];
    return fa < fb ? -1 : fa > fb ? 1 : la - lb;
  });
  const list: Change[] = [];
  for (const key of keys) {
    for (const kernel of kernels) {
      const before = then.get(key)?.byKernel.get(kernel) ?? 'absent';
      const after = now.get(key)?.byKernel.get(kernel) ?? 'absent';
      if (before !== after) list.push({ key, name: now.get(key)?.name ?? then.get(key)?.name ?? key, kernel, before, after });
    }
  }
  return list;
}
