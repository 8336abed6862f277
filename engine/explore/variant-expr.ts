// `--kernel` for the explorer: a registered variant, or one built on the
// spot from a registered variant or a base and patches:
// `v12+dissolve-skips-umount`, `mainline-children-dont-pin-parents`.

import { isModelVariant, makeVariant, PATCHES, resolveVariant, VARIANTS, type Base, type PatchId, type Variant } from '../kernel/variants';

export function parseVariant(expr: string): Variant {
  if (isModelVariant(expr)) return VARIANTS[expr];
  const [head, ...ops] = expr.split(/(?=[+-](?:[a-z]))/);
  const bases: Record<string, Base> = { 'v4.19': 'v4.19', 'v6.18': 'v6.18' };
  const from = head && isModelVariant(head) ? resolveVariant(head) : null;
  const base = from?.base ?? (head ? bases[head] : undefined);
  if (!base) throw new Error(`unknown kernel "${expr}": a variant (${Object.keys(VARIANTS).join(', ')}) or a base (v4.19, v6.18), then +PATCH or -PATCH`);
  const patches = new Set<PatchId>(from?.patches ?? []);
  const reverts = new Set<PatchId>(from?.reverts ?? []);
  for (const op of ops) {
    const id = op.slice(1);
    if (!Object.hasOwn(PATCHES, id)) throw new Error(`unknown patch "${id}" in "${expr}": one of ${Object.keys(PATCHES).join(', ')}`);
    const p = id as PatchId;
    if (op[0] === '+') {
      reverts.delete(p);
      patches.add(p);
    } else if (patches.has(p)) patches.delete(p);
    else reverts.add(p);
  }
  return makeVariant({ id: expr, base, patches: [...patches], reverts: [...reverts], description: `${from ? from.id : base}${ops.join('')}` });
}
