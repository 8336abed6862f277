// The kernel variants: one code base, a few named switches. Each switch is a
// line of a diff in the thread or in the kernel's history, never a fork.

export interface Variant {
  readonly id: 'v12' | 'v12-move-fix' | 'v12-both-fixes' | 'mainline';
  readonly description: string;
  /**
   * How a clone made by open_tree(OPEN_TREE_CLONE) is told apart from a
   * mounted tree. 'null-ns': ver #12, detached means mnt_ns == NULL (the same
   * value umount_tree() leaves behind). 'anon-ns': 5.2+, the clone lives in an
   * anonymous mnt_namespace of its own.
   */
  readonly detached: 'null-ns' | 'anon-ns';
  /** Al Viro's one-liner: do_move_mount() refuses MNT_LOCKED | MNT_UMOUNT. */
  readonly moveRefusesUmounted: boolean;
  /** Alan Jenkins's addition: dissolve_on_fput() skips a tree already MNT_UMOUNT. */
  readonly dissolveSkipsUmounted: boolean;
  /**
   * Who releases an unmounted mount's "being mounted" reference:
   * 'fs_pin' (≤5.2: mnt_umount pin, group_pin_kill in namespace_unlock) or
   * 'unmounted-list' (5.3+, 56cbb429d911: an hlist of mounts, mntput in namespace_unlock).
   */
  readonly unmountBookkeeping: 'fs_pin' | 'unmounted-list';
  /** R3: a child holds a reference on its parent (≤6.16; removed by 493a4bebf515 in 6.17). */
  readonly childrenPinParents: boolean;
}

const v12Base = {
  detached: 'null-ns',
  moveRefusesUmounted: false,
  dissolveSkipsUmounted: false,
  unmountBookkeeping: 'fs_pin',
  childrenPinParents: true,
} as const;

export const VARIANTS: Readonly<Record<Variant['id'], Variant>> = Object.freeze({
  v12: {
    ...v12Base,
    id: 'v12',
    description: 'the series as posted (ver #12, v4.19 base): a clone has no namespace; dissolve_on_fput() unmounts any tree whose mnt_ns is NULL',
  },
  'v12-move-fix': {
    ...v12Base,
    id: 'v12-move-fix',
    description: "ver #12 + Al Viro's one-liner: do_move_mount() refuses a mount flagged MNT_UMOUNT",
    moveRefusesUmounted: true,
  },
  'v12-both-fixes': {
    ...v12Base,
    id: 'v12-both-fixes',
    description: "ver #12 + both fixes: Al Viro's do_move_mount() check and Alan Jenkins's dissolve_on_fput() check",
    moveRefusesUmounted: true,
    dissolveSkipsUmounted: true,
  },
  mainline: {
    id: 'mainline',
    description: 'mainline as of 6.18: the clone lives in an anonymous namespace; anon_ns_root()/is_mounted() checks; no fs_pin; children do not pin parents',
    detached: 'anon-ns',
    moveRefusesUmounted: false,
    dissolveSkipsUmounted: false,
    unmountBookkeeping: 'unmounted-list',
    childrenPinParents: false,
  },
});

export const MODEL_VARIANT_IDS = Object.keys(VARIANTS) as Variant['id'][];

export function isModelVariant(id: string): id is Variant['id'] {
  return Object.hasOwn(VARIANTS, id);
}
