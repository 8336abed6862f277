import { UMOUNT_SYNC } from '../kernel/constants';
import type { Kernel, Mount, Path } from '../kernel/types';
import { followMount } from '../fs/namei';
import { propagateMnt } from '../pnode/propagate-mnt';
import { isMntShared, mntAllocGroupId, mntReleaseGroupId, setMntShared } from '../pnode/pnode';
import { fail, ok, type SyscallResult } from '../result';
import { isMounted, mntHasParent, subtree } from './alloc';
import { lockMntTree } from './lock-mnt-tree';
import { lookupMnt } from './lookup-mnt';
import { mntputNoExpire } from './refs';
import { commitTree, mntChangeMountpoint, mntSetMountpoint, unhashFromParent } from './tree';
import { umountTree } from './umount-tree';

/**
 * The place a mount goes: the topmost mount on the target path ("got
 * overmounted": follow whatever is mounted there, as a cwd under a mount
 * has not crossed into it). 6.x also refuses a target that is not mounted
 * any more (inside an unmounted or dissolved tree) with ENOENT.
 * Analogous to fs/namespace.c:lock_mount() / do_lock_mount() (v4.19; 6.18).
 */
export function lockMount(k: Kernel, path: Path): SyscallResult<Path> {
  if (k.variant.has('lock-mount-refuses-unmounted') && !isMounted(path.mnt)) return fail('ENOENT');
  const top = followMount(k, path);
  if (k.variant.has('lock-mount-refuses-unmounted') && !isMounted(top.mnt)) return fail('ENOENT');
  return ok(top);
}

/** topmost_overmount(): climb the mounts stacked on m's root. Analogous to fs/mount.h:topmost_overmount() (6.17+). */
export function topmostOvermount(m: Mount): Mount {
  while (m.overmount) m = m.overmount;
  return m;
}

/**
 * Give every mount of the tree a peer group id if it has none (do_change_type
 * for MS_SHARED, attach_recursive_mnt under a shared destination).
 * Analogous to fs/namespace.c:invent_group_ids().
 */
export function inventGroupIds(k: Kernel, mnt: Mount, recurse: boolean): void {
  for (const p of recurse ? subtree(mnt) : [mnt]) if (!p.mnt_group_id) mntAllocGroupId(k, p);
}

/** Give back the ids invent_group_ids() handed out to mounts that did not become shared. Analogous to fs/namespace.c:cleanup_group_ids(). */
export function cleanupGroupIds(k: Kernel, mnt: Mount): void {
  for (const p of subtree(mnt)) if (p.mnt_group_id && !isMntShared(p)) mntReleaseGroupId(k, p);
}

/**
 * Attach `source` (and its tree) at `dest`: a source that already has a
 * parent is moved, otherwise it is a new mount or a detached tree that
 * joins dest's namespace. Under a shared destination the tree first gets
 * peer group ids and propagate_mnt() makes a copy for every mount that
 * receives propagation from dest; then the source and each copy are
 * committed, in tree_list order (the source, then the copies newest first).
 * A copy that lands where something is already mounted is slid under it:
 * the old mount moves onto the top of the copy's stack
 * (mnt_change_mountpoint(), "tucking").
 *
 * v4.19 attached the source first and tucked the old mount onto the copy's
 * root rather than its topmost overmount; the two differ only when the
 * copied tree has a mount on its own root, and the model uses 6.18's.
 * Analogous to fs/namespace.c:attach_recursive_mnt() (6.18).
 */
export function attachRecursiveMnt(k: Kernel, source: Mount, dest: Path): SyscallResult<0> {
  const moving = mntHasParent(source);
  const treeList: Mount[] = [];
  const destMnt = dest.mnt;
  // The mountpoint a tucked mount goes on: the root of the source's topmost overmount.
  const top = topmostOvermount(source);
  if (isMntShared(destMnt)) {
    inventGroupIds(k, source, true);
    const propagated = propagateMnt(k, destMnt, dest.dentry, source, treeList);
    if (!propagated.ok) {
      for (const child of treeList) umountTree(k, child, UMOUNT_SYNC);
      cleanupGroupIds(k, source);
      return propagated;
    }
    for (const p of subtree(source)) setMntShared(p);
  }
  if (moving) {
    const oldParent = source.mnt_parent;
    unhashFromParent(k, source, { saveExMountpoint: false }); // umount_mnt()
    // path_put(&parent_path) in do_move_mount() (≤6.16): the R3 reference on the old parent.
    if (!k.variant.has('children-dont-pin-parents')) mntputNoExpire(k, oldParent);
  } else if (source.mnt_ns?.anon) {
    k.emptied_ns = source.mnt_ns; // move from anon: 6.17 frees it in namespace_unlock()
  }
  mntSetMountpoint(k, destMnt, dest.dentry, source);
  // Now the original is in the same state as the secondaries: its root
  // attached to a mountpoint, not hashed. Deal with them all alike.
  treeList.unshift(source);
  const userNs = k.current?.mnt_ns.user_ns ?? k.init_user_ns;
  for (const child of treeList) {
    // Propagating into a less privileged namespace: the copy comes in locked, as unshare's would.
    if (child.mnt_parent.mnt_ns && child.mnt_parent.mnt_ns.user_ns !== userNs) lockMntTree(child);
    const q = lookupMnt(k, child.mnt_parent, child.mnt_mountpoint);
    commitTree(k, child);
    if (q) mntChangeMountpoint(k, topmostOvermount(child), top.mnt_root, q);
  }
  return ok(0);
}
