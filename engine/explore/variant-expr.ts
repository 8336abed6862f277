// `--kernel` for the explorer: a registered variant, or one built on the
// spot from a registered variant or a base and patches:
// `v12+dissolve-skips-umount`, `mainline-children-dont-pin-parents`.

import { isModelVariant, makeVariant, PATCHES, VARIANTS, type Base, type PatchId, type Variant } from '../kernel/variants';

export function parseVariant(expr: string): Variant {
  if (isModelVariant(expr)) return VARIANTS[expr];
  const bases: Record<string, Base> = { 'v4.19': 'v4.19', 'v6.18': 'v6.18' };
  // Names contain hyphens: the head is the longest known name the expression starts with, and so is each patch.
  const longest = (names: readonly string[], at: number) => names.filter((n) => expr.startsWith(n, at)).sort((a, b) => b.length - a.length)[0];
  const head = longest([...Object.keys(VARIANTS), ...Object.keys(bases)], 0);
  if (!head) throw new Error(`unknown kernel "${expr}": a variant (${Object.keys(VARIANTS).join(', ')}) or a base (v4.19, v6.18), then +PATCH or -PATCH`);
  const from = isModelVariant(head) ? VARIANTS[head] : null;
  const base = from?.base ?? bases[head]!;
  const patches = new Set<PatchId>(from?.patches ?? []);
  const reverts = new Set<PatchId>(from?.reverts ?? []);
  for (let at = head.length; at < expr.length; ) {
    const op = expr[at];
    const id = longest(Object.keys(PATCHES), at + 1) as PatchId | undefined;
    if ((op !== '+' && op !== '-') || !id) throw new Error(`"${expr}": expected +PATCH or -PATCH at "${expr.slice(at)}"; patches: ${Object.keys(PATCHES).join(', ')}`);
    if (op === '+') {
      reverts.delete(id);
      patches.add(id);
    } else if (patches.has(id)) patches.delete(id);
    else reverts.add(id);
    at += 1 + id.length;
  }
  return makeVariant({ id: expr, base, patches: [...patches], reverts: [...reverts], description: `${head} ${expr.slice(head.length)}` });
}
