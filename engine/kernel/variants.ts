// The kernel variants: a base kernel plus named patches. Every place the
// model's behaviour differs between kernels asks one question,
// `k.variant.has('<patch>')`, and each patch names its source: a diff in the
// thread, or an upstream commit. So every such `if` reads as a line of a diff.
//
// The model's code is written for the v4.19 base; an upstream patch says
// what changed since. The v6.18 base holds every upstream patch below; a
// thread patch is only ever in a variant that names it. To check a proposed
// fix: add a patch here, an `if (k.variant.has(...))` where its diff goes,
// and a variant that includes it (README: "How to check a proposed fix").

/** The kernel a variant starts from. */
export type Base = 'v4.19' | 'v6.18';

export const BASES: Readonly<Record<Base, string>> = Object.freeze({
  'v4.19': "v4.19 with David Howells's mount API series as posted (ver #12, Oct 2018): the thread's tree",
  'v6.18': 'mainline 6.18, which holds every upstream patch in PATCHES',
});

export interface Patch {
  /** One line: what the patch changes, in the model's terms. */
  readonly summary: string;
  /** Where the diff comes from: the thread, or an upstream commit's id and subject. */
  readonly source: string;
  /**
   * The release it was merged in, for upstream patches (all of which are in
   * the v6.18 base); null for a patch proposed in the thread and never merged as such.
   */
  readonly mergedIn: string | null;
  /** Patches this one's diff applies on top of. */
  readonly requires?: readonly string[];
}

/**
 * Every patch the model knows, in the order they reached the kernel. A
 * commit id appears only where it was checked (shared reference notes);
 * otherwise the subject and release are given and the id is left out.
 */
export const PATCHES = Object.freeze({
  // --- proposed in the thread (Oct 2018), on the ver #12 tree ---
  'move-refuses-umount': {
    summary: 'do_move_mount() refuses a source flagged MNT_UMOUNT, as it refuses MNT_LOCKED',
    source: "the thread: Al Viro's one-liner, `if (old->mnt.mnt_flags & (MNT_LOCKED | MNT_UMOUNT))` (fix A)",
    mergedIn: null,
  },
  'dissolve-skips-umount': {
    summary: 'dissolve_on_fput() leaves a tree alone once umount_tree() has flagged it MNT_UMOUNT',
    source: "the thread: Alan Jenkins's addition to dissolve_on_fput(), `!(mnt->mnt.mnt_flags & MNT_UMOUNT)` (fix B)",
    mergedIn: null,
  },
  // --- deliberately broken rules: each trips one of the explorer's properties (engine/explore/properties.test.ts) ---
  'mutant-dissolve-skips-mntget': {
    summary: "dissolve_on_fput() forgets the mntget() that balances drop_mountpoint()'s put: a count one less than it should be",
    source: 'deliberately broken, to show the explorer\'s property (2) can fail',
    mergedIn: null,
  },
  'mutant-namespace-unlock-keeps-mounts': {
    summary: 'namespace_unlock() forgets to put the mounts on the `unmounted` list: they are never freed',
    source: 'deliberately broken, to show the explorer\'s property (4) can fail',
    mergedIn: null,
  },
  'mutant-umount-tree-keeps-ns-list': {
    summary: "umount_tree() clears mnt_ns but leaves the mount on its namespace's list",
    source: 'deliberately broken, to show the explorer\'s property (5) can fail',
    mergedIn: null,
  },
  // --- upstream, v4.19..v6.18 ---
  'anon-ns-detached-trees': {
    summary: 'an OPEN_TREE_CLONE tree lives in an anonymous mnt_namespace (R6) instead of mnt_ns == NULL; dissolve_on_fput() and do_move_mount() ask for that namespace; attaching it takes no extra reference',
    source: 'upstream 44dfd84a6d54 "teach move_mount(2) to work with OPEN_TREE_CLONE" (the merged form of the thread\'s patch)',
    mergedIn: '5.2',
  },
  'unmounted-list': {
    summary: "an unmounted mount's \"being mounted\" reference goes on the `unmounted` hlist, put by namespace_unlock(); no fs_pin, no mnt_ex_mountpoint",
    source: 'upstream 56cbb429d911 "switch the remnants of releasing the mountpoint away from fs_pin"',
    mergedIn: '5.3',
  },
  'mntput-warns-negative': {
    summary: 'mntput_no_expire() WARNs when mnt_count goes below zero',
    source: 'upstream "fs/namespace.c: WARN if mnt_count has become negative"',
    mergedIn: '5.7',
  },
  // (setattr work) the mount API after the series: new calls and flags, each ENOSYS / an unknown flag before it
  'nosymfollow': {
    summary: 'MNT_NOSYMFOLLOW: mount(2)\'s MS_NOSYMFOLLOW sets it, mountinfo shows "nosymfollow"; before, the bit was ignored',
    source: 'upstream "Add a "nosymfollow" mount option." (Ross Zwisler)',
    mergedIn: '5.10',
  },
  'mount-setattr': {
    summary: 'the mount_setattr(2) syscall (442): a mount\'s flags, atime mode, propagation and idmapping, AT_RECURSIVE all or nothing; ENOSYS before',
    source: 'upstream "fs: add mount_setattr()" (Christian Brauner)',
    mergedIn: '5.12',
    requires: ['anon-ns-detached-trees'],
  },
  'move-mount-set-group': {
    summary: 'move_mount(2) takes MOVE_MOUNT_SET_GROUP (0x100): do_set_group() joins a private mount to another\'s peer group; an unknown flag (EINVAL) before',
    source: 'upstream "move_mount: allow to add a mount into an existing group" (Pavel Tikhomirov)',
    mergedIn: '5.15',
  },
  'move-mount-beneath': {
    summary: 'move_mount(2) takes MOVE_MOUNT_BENEATH (0x200): attach under the topmost mount at the target (can_move_mount_beneath()); an unknown flag (EINVAL) before',
    source: 'upstream "fs: allow to mount beneath top mount" (Christian Brauner)',
    mergedIn: '6.5',
  },
  'open-tree-attr': {
    summary: 'the open_tree_attr(2) syscall (467): open_tree() with a struct mount_attr applied before the fd exists; ENOSYS before',
    source: 'upstream "fs: add open_tree_attr()" (vfs-6.15 mount work)',
    mergedIn: '6.15',
    requires: ['mount-setattr'],
  },
  'path-umount': {
    summary: 'umount(2) goes through path_umount() and can_umount() (the call trace\'s names) instead of ksys_umount()',
    source: 'upstream "fs: refactor ksys_umount" (path_umount, can_umount)',
    mergedIn: '5.9',
  },
  'do-umount-recheck': {
    summary: 'do_umount() repeats its checks under namespace_lock (EINVAL: not ours, MNT_LOCKED, no parent); v4.19 silently skips a mount already off its namespace\'s list',
    source: 'upstream: do_umount()\'s "repeat the earlier racy checks, now that we are holding the locks" (commit not identified)',
    mergedIn: '6.18',
  },
  'force-umount-sb-userns': {
    summary: 'MNT_FORCE, and remounting the caller\'s root read-only, ask CAP_SYS_ADMIN in the superblock\'s user namespace instead of capable()',
    source: 'upstream (observed on 6.18.44; commit not identified)',
    mergedIn: '6.18',
  },
  'clone-mnt-internal-flags': {
    summary: 'clone_mnt() strips MNT_INTERNAL_FLAGS (also MNT_DOOMED, MNT_SYNC_UMOUNT, MNT_LOCKED) and no longer copies "unbindable"',
    source: 'upstream: MNT_INTERNAL_FLAGS in clone_mnt() and the 6.17 unbindable/MNT_LOCKED rework',
    mergedIn: '6.17',
  },
  'detached-from-detached': {
    summary: 'open_tree(OPEN_TREE_CLONE) and bind may copy from a detached (anonymous) tree, and a detached tree may be mounted on, by a task of the namespace the tree was copied from (seq_origin, check_anonymous_mnt())',
    source: 'upstream "fs: create detached mounts from detached mounts" (vfs-6.15-rc1.mount.namespace, 130e696aa68b)',
    mergedIn: '6.15',
    requires: ['anon-ns-detached-trees'],
  },
  'move-mount-target-first': {
    summary: 'move_mount(2) resolves the target path before the source',
    source: 'upstream "fs: support getname_maybe_null() in move_mount()" (vfs-6.15-rc1.mount.namespace, 130e696aa68b)',
    mergedIn: '6.15',
  },
  'do-change-type-refuses-unmounted': {
    summary: 'mount --make-* refuses a mount that is not mounted (EINVAL), so an unmounted mount never rejoins a peer group',
    source: 'upstream "do_change_type(): refuse to operate on unmounted/not ours mounts"',
    mergedIn: '6.16',
  },
  'move-mount-split-checks': {
    summary: 'do_move_mount() checks a source in our namespace apart from the root of a detached tree; the source\'s shape is checked before the target is locked',
    source: 'upstream 290da20e3339 "do_move_mount(): split the checks in subtree-of-our-ns and entire-anon cases"',
    mergedIn: '6.16',
    requires: ['anon-ns-detached-trees'],
  },
  'lock-mount-refuses-unmounted': {
    summary: 'lock_mount() refuses a target inside a tree that is not mounted any more (ENOENT)',
    source: 'upstream (6.x do_lock_mount(); commit not identified)',
    mergedIn: '6.18',
  },
  'mount-is-ancestor': {
    summary: "do_move_mount()'s loop check (ELOOP) also catches a parentless source",
    source: 'upstream: the mount_is_ancestor() conversion (Al Viro\'s 2025 mount series)',
    mergedIn: '6.17',
  },
  'umount-tree-tail-order': {
    summary: "umount_tree() gathers its victims at the list's tail (pre-order), not the head (reverse pre-order)",
    source: 'upstream: umount_tree() in Al Viro\'s 2025 mount series ("Rewrite of propagate_umount()")',
    mergedIn: '6.17',
  },
  'emptied-ns': {
    summary: 'put_mnt_ns() unmounts the tree lazily (how 0) and namespace_unlock() frees the emptied namespace; v4.19 used drop_collected_mounts() (UMOUNT_SYNC)',
    source: 'upstream "take freeing of emptied mnt_namespace to namespace_unlock()"',
    mergedIn: '6.17',
  },
  'children-dont-pin-parents': {
    summary: 'a child mount no longer holds a reference on its parent (R3 gone)',
    source: 'upstream 493a4bebf515 "don\'t have mounts pin their parents"',
    mergedIn: '6.17',
  },
} satisfies Record<string, Patch>);

export type PatchId = keyof typeof PATCHES;

export interface Variant {
  readonly id: string;
  readonly description: string;
  readonly base: Base;
  /** Patches on top of the base (for v6.18: on top of every upstream patch). */
  readonly patches: readonly PatchId[];
  /** Upstream patches taken back out of a v6.18 base (a revert), to ask what one of them was for. */
  readonly reverts: readonly PatchId[];
  /** Is `patch` in this variant's kernel? The only question the model asks of a variant. */
  has(patch: PatchId): boolean;
}

export interface VariantSpec {
  readonly id: string;
  readonly description: string;
  readonly base: Base;
  readonly patches?: readonly PatchId[];
  readonly reverts?: readonly PatchId[];
}

/** Is the patch in the base itself? v6.18 holds every merged patch; v4.19 none of these. */
export function inBase(base: Base, patch: PatchId): boolean {
  return base === 'v6.18' && PATCHES[patch].mergedIn !== null;
}

/** A variant from a base and patches; unknown patch ids are refused here, not ignored later. */
export function makeVariant(spec: VariantSpec): Variant {
  const patches = Object.freeze([...(spec.patches ?? [])]);
  const reverts = Object.freeze([...(spec.reverts ?? [])]);
  for (const p of [...patches, ...reverts]) if (!Object.hasOwn(PATCHES, p)) throw new Error(`variant ${spec.id}: unknown patch "${p}"`);
  for (const p of reverts) if (!inBase(spec.base, p)) throw new Error(`variant ${spec.id}: cannot revert "${p}": it is not in ${spec.base}`);
  const applied = new Set<PatchId>((Object.keys(PATCHES) as PatchId[]).filter((p) => inBase(spec.base, p)));
  for (const p of reverts) applied.delete(p);
  for (const p of patches) applied.add(p);
  for (const p of applied) {
    for (const r of (PATCHES[p] as Patch).requires ?? []) if (!applied.has(r as PatchId)) throw new Error(`variant ${spec.id}: patch "${p}" needs "${r}"`);
  }
  return Object.freeze({ id: spec.id, description: spec.description, base: spec.base, patches, reverts, has: (p: PatchId) => applied.has(p) });
}

export const VARIANTS = Object.freeze({
  v12: makeVariant({
    id: 'v12',
    base: 'v4.19',
    description: 'the series as posted (ver #12, v4.19 base): a clone has no namespace; dissolve_on_fput() unmounts any tree whose mnt_ns is NULL',
  }),
  'v12-move-fix': makeVariant({
    id: 'v12-move-fix',
    base: 'v4.19',
    patches: ['move-refuses-umount'],
    description: "ver #12 + Al Viro's one-liner: do_move_mount() refuses a mount flagged MNT_UMOUNT",
  }),
  'v12-both-fixes': makeVariant({
    id: 'v12-both-fixes',
    base: 'v4.19',
    patches: ['move-refuses-umount', 'dissolve-skips-umount'],
    description: "ver #12 + both fixes: Al Viro's do_move_mount() check and Alan Jenkins's dissolve_on_fput() check",
  }),
  mainline: makeVariant({
    id: 'mainline',
    base: 'v6.18',
    description: 'mainline as of 6.18: the clone lives in an anonymous namespace; anon_ns_root()/is_mounted() checks; no fs_pin; children do not pin parents',
  }),
});

/** The registered variants' ids: what `--kernel` accepts besides `live`. */
export type VariantId = keyof typeof VARIANTS;

export const MODEL_VARIANT_IDS = Object.keys(VARIANTS) as VariantId[];

export function isModelVariant(id: string): id is VariantId {
  return Object.hasOwn(VARIANTS, id);
}

/** A registered variant by id, or a variant object as given (tests, the explorer's broken-rule variants). */
export function resolveVariant(v: VariantId | Variant): Variant {
  return typeof v === 'string' ? VARIANTS[v] : v;
}
