import { MNT_LOCKED, MNT_UMOUNT } from '../kernel/constants';
import { isMntShared, isMntUnbindable } from '../pnode/pnode';
import { traced } from '../kernel/kernel';
import type { Kernel, Mount, MntNamespace, Path } from '../kernel/types';
import { fail, ok, type SyscallResult } from '../result';
import { anonNsRoot, checkMnt, isMounted, mntHasParent, subtree } from './alloc';
import { attachRecursiveMnt, lockMount } from './graft';
import { namespaceUnlock } from './namespace-unlock';
import { mntget } from './refs';

/** Analogous to fs/namespace.c:tree_contains_unbindable(). */
function treeContainsUnbindable(mnt: Mount): boolean {
  return subtree(mnt).some(isMntUnbindable);
}

/**
 * ver #12's checks. A parentless mount with mnt_ns == NULL passes as "a
 * detached clone", and so does a mount umount_tree() already processed: the
 * hole behind "close-then-mount". Al Viro's fix A adds MNT_UMOUNT to the
 * MNT_LOCKED test.
 * Reconstructed from the thread's diff context (fs/namespace.c ~2469, ver #12) on the v4.19 base.
 */
function checksV12(k: Kernel, ns: MntNamespace, oldPath: Path, target: Path): SyscallResult<true> {
  const old = oldPath.mnt;
  const p = target.mnt;
  const attached = mntHasParent(old);
  if (!checkMnt(p, ns)) return fail('EINVAL'); // move_mount(2) EINVAL: target not in our namespace
  if (old.mnt_ns && !checkMnt(old, ns)) return fail('EINVAL'); // source in another namespace
  if (old.mnt_ns && !attached) return fail('EINVAL'); // a namespace root
  const refused = MNT_LOCKED | (k.variant.has('move-refuses-umount') ? MNT_UMOUNT : 0);
  if (old.mnt_flags & refused) return fail('EINVAL'); // fix A: "if (old->mnt.mnt_flags & (MNT_LOCKED | MNT_UMOUNT))"
  const shape = sourceShapeChecks(oldPath, target);
  if (!shape.ok) return shape;
  if (attached && isMntShared(old.mnt_parent)) return fail('EINVAL'); // moving out from under a shared parent
  return ok(true);
}

/**
 * 6.16+'s split: a source in our namespace is moved within it; anything else
 * must be the root of an anonymous (detached) tree. A mount whose mnt_ns is
 * NULL (unmounted, or dissolved by the last close) is neither: EINVAL.
 * Analogous to fs/namespace.c:do_move_mount() (6.18, after 290da20e3339).
 */
function checksMainline(ns: MntNamespace, old: Mount, p: Mount): SyscallResult<true> {
  if (checkMnt(old, ns)) {
    if (!mntHasParent(old)) return fail('EINVAL'); // the namespace root
    if (old.mnt_flags & MNT_LOCKED) return fail('EINVAL');
    if (!checkMnt(p, ns)) return fail('EINVAL'); // into a foreign or detached tree
    if (isMntShared(old.mnt_parent)) return fail('EINVAL'); // parent of the source should not be shared
  } else {
    if (!anonNsRoot(old)) return fail('EINVAL'); // not a detached tree's root: unmounted, dissolved, foreign
    if (p.mnt_ns === old.mnt_ns) return fail('EINVAL'); // a detached tree into itself
    if (!(checkMnt(p, ns) || (isMounted(p) && p.mnt_ns!.anon))) return fail('EINVAL'); // may_use_mount()
  }
  return ok(true);
}

/** 6.17+ checks these before locking the target; v4.19 after its own checks. */
function sourceShapeChecks(oldPath: Path, newPath: Path): SyscallResult<true> {
  if (oldPath.dentry !== oldPath.mnt.mnt_root) return fail('EINVAL'); // !path_mounted(old_path): not the root of a mount
  if ((newPath.dentry.kind === 'dir') !== (oldPath.dentry.kind === 'dir')) return fail('EINVAL'); // file onto dir or back
  return ok(true);
}

/** mount_is_ancestor(old, p) (6.17); the v4.19 loop missed a parentless `old`. */
function isAncestor(k: Kernel, old: Mount, p: Mount): boolean {
  let q = p;
  for (; mntHasParent(q); q = q.mnt_parent) if (q === old) return true;
  return k.variant.has('mount-is-ancestor') && q === old;
}

/**
 * Move the mount at `oldPath` onto `newPath`, for mount(MS_MOVE) and
 * move_mount(2). Checks run in the kernel's order; the first failure wins.
 * Analogous to fs/namespace.c:do_move_mount() (ver #12 / v4.19; 6.18).
 */
export function doMoveMount(k: Kernel, ns: MntNamespace, oldPath: Path, newPath: Path): SyscallResult<0> {
  return traced(k, 'do_move_mount', () => {
    const v12 = !k.variant.has('move-mount-split-checks');
    if (!v12) {
      const shape = sourceShapeChecks(oldPath, newPath);
      if (!shape.ok) return shape;
      // Observed on 6.18.44, rule not found in the 6.16/6.17 source read:
      // a target at the root of a parentless mount (a detached tree's root,
      // an unmounted mount's root) is refused before the target is locked.
      if (newPath.dentry === newPath.mnt.mnt_root && !mntHasParent(newPath.mnt)) return fail('EINVAL');
    }
    const locked = lockMount(k, newPath);
    if (!locked.ok) return locked;
    const target = locked.value;
    const p = target.mnt;
    const old = oldPath.mnt;
    const result = run();
    namespaceUnlock(k);
    return result;

    function run(): SyscallResult<0> {
      const attached = mntHasParent(old);
      const checks = v12 ? checksV12(k, ns, oldPath, target) : checksMainline(ns, old, p);
      if (!checks.ok) return checks;
      if (isMntShared(p) && treeContainsUnbindable(old)) return fail('EINVAL'); // an unbindable mount would be copied by propagation
      if (isAncestor(k, old, p)) return fail('ELOOP'); // into itself
      const attachedNow = attachRecursiveMnt(k, old, target);
      if (!attachedNow.ok) return attachedNow;
      // ver #12: the newly attached clone now holds a "mounted" reference of
      // its own (R2), besides its file's: David Howells's trace shows u=3
      // with only the fd, umount's lookup and the mounting left. [inferred]
      if (!attached && !k.variant.has('anon-ns-detached-trees')) mntget(k, old);
      return ok(0);
    }
  });
}
