import { MNT_LOCKED, MNT_UMOUNT } from '../kernel/constants';
import { isMntShared, isMntUnbindable, peers } from '../pnode/pnode';
import { traced } from '../kernel/kernel';
import type { Dentry, Kernel, Mount, MntNamespace, Path, Task } from '../kernel/types';
import { lookupMnt } from './lookup-mnt';
import { mntNsLoop } from '../fs/nsfs';
import { fail, ok, type SyscallResult } from '../result';
import { anonNsRoot, checkMnt, mayUseMount, mntHasParent, subtree } from './alloc';
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
    if (!mayUseMount(ns, p)) return fail('EINVAL'); // ours, or a detached tree of our namespace (6.15: onto a detached tree)
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
 * propagation_would_overmount(): would `from`, shared, propagate onto
 * `to`'s root at `mp` (to, or one of its masters, a peer of from)?
 * Analogous to fs/pnode.c:propagation_would_overmount() (6.18).
 */
function propagationWouldOvermount(from: Mount, to: Mount, mp: Dentry): boolean {
  if (!isMntShared(from)) return false;
  if (to.mnt_root !== mp) return false;
  for (let m: Mount | null = to; m; m = m.mnt_master) if (peers(from, m)) return true;
  return false;
}

/**
 * May `from` go beneath `to`, the topmost mount at the target (whose
 * mountpoint is `mp` on its parent)? `to` must be a mount's root with a
 * parent, not locked, not the caller's root, not directly on the
 * namespace's root mount, not below `from`; nothing may sit on `from`'s
 * root; and propagation from the parent must not cover what was just
 * tucked (which would defeat the point).
 * Analogous to fs/namespace.c:can_move_mount_beneath() (6.5; 6.18).
 */
function canMoveMountBeneath(k: Kernel, task: Task, from: Path, to: Path, mp: Dentry): SyscallResult<0> {
  const mntFrom = from.mnt;
  const mntTo = to.mnt;
  const parentMntTo = mntTo.mnt_parent;
  if (!mntHasParent(mntTo)) return fail('EINVAL');
  if (to.dentry !== mntTo.mnt_root) return fail('EINVAL'); // !path_mounted(to)
  if (mntTo.mnt_flags & MNT_LOCKED) return fail('EINVAL');
  if (lookupMnt(k, from.mnt, from.dentry)) return fail('EINVAL'); // path_overmounted(from): no shadow mounts
  if (mntTo === task.root.mnt) return fail('EINVAL'); // beneath the root only makes sense as pivot_root(".", ".")
  if (parentMntTo === task.mnt_ns.root) return fail('EINVAL');
  if (mountIsAncestor(mntTo, mntFrom)) return fail('EINVAL');
  if (propagationWouldOvermount(parentMntTo, mntTo, mp)) return fail('EINVAL'); // the parent would propagate a copy on top of to
  if (checkMnt(mntFrom, task.mnt_ns) && propagationWouldOvermount(parentMntTo, mntFrom, mp)) return fail('EINVAL'); // ... or on top of from
  return ok(0);
}

/**
 * No mount of the tree being moved is the file of the caller's namespace or
 * a newer one. Analogous to fs/namespace.c:check_for_nsfs_mounts() (6.18).
 */
function checkForNsfsMounts(k: Kernel, task: Task, tree: Mount): boolean {
  return subtree(tree).every((m) => !mntNsLoop(k, task, m.mnt_root));
}

/** mount_is_ancestor(p1, p2) (6.17): a possibly empty chain of parents from p2 up to p1. */
function mountIsAncestor(p1: Mount, p2: Mount): boolean {
  let m = p2;
  while (m !== p1 && mntHasParent(m)) m = m.mnt_parent;
  return m === p1;
}

/**
 * Move the mount at `oldPath` onto `newPath`, for mount(MS_MOVE) and
 * move_mount(2); with `beneath` (MOVE_MOUNT_BENEATH, 6.5) under the
 * topmost mount there instead: attached where that one is, which then sits
 * on top of it. Checks run in the kernel's order; the first failure wins.
 * Analogous to fs/namespace.c:do_move_mount() (ver #12 / v4.19; 6.18).
 */
export function doMoveMount(k: Kernel, task: Task, oldPath: Path, newPath: Path, options: { beneath?: boolean } = {}): SyscallResult<0> {
  return traced(k, 'do_move_mount', () => {
    const ns = task.mnt_ns;
    const v12 = !k.variant.has('move-mount-split-checks');
    if (!v12) {
      const shape = sourceShapeChecks(oldPath, newPath);
      if (!shape.ok) return shape;
    }
    const locked = lockMount(k, newPath);
    if (!locked.ok) return locked;
    const top = locked.value;
    // do_lock_mount(beneath): the place is where the topmost mount is mounted.
    const target: Path = options.beneath ? { mnt: top.mnt.mnt_parent, dentry: top.mnt.mnt_mountpoint } : top;
    const old = oldPath.mnt;
    const result = run();
    namespaceUnlock(k);
    return result;

    function run(): SyscallResult<0> {
      const attached = mntHasParent(old);
      const checks = v12 ? checksV12(k, ns, oldPath, top) : checksMainline(ns, old, top.mnt);
      if (!checks.ok) return checks;
      if (options.beneath) {
        const beneath = canMoveMountBeneath(k, task, oldPath, top, target.dentry);
        if (!beneath.ok) return beneath;
      }
      const p = target.mnt;
      if (isMntShared(p) && treeContainsUnbindable(old)) return fail('EINVAL'); // an unbindable mount would be copied by propagation
      if (!checkForNsfsMounts(k, task, old)) return fail('ELOOP'); // a mount namespace's file that would make a loop
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
