import { MNT_LOCKED, MNT_SYNC_UMOUNT, MNT_UMOUNT, UMOUNT_CONNECTED, UMOUNT_PROPAGATE, UMOUNT_SYNC } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Kernel, Mount } from '../kernel/types';
import { mntHasParent, subtree } from './alloc';
import { bulkMakePrivate } from '../pnode/change-mnt-propagation';
import { propagationNext } from '../pnode/propagation-next';
import { propagateUmount } from '../pnode/propagate-umount';
import { pinInsertGroup } from './fs-pin';
import { lookupMnt } from './lookup-mnt';
import { removeSubtreeChildren, unhashFromParent } from './tree';

/**
 * Should an unmounted mount be cut from its parent, or stay connected?
 * "Because the reference counting rules change when mounts are unmounted and
 * connected, umounted mounts may not be connected to mounted mounts."
 * Analogous to fs/namespace.c:disconnect_mount() (v4.2 onwards, unchanged in 6.18).
 */
export function disconnectMount(m: Mount, how: number): boolean {
  if (how & UMOUNT_SYNC) return true; // only lazy unmounts leave mounts connected
  if (!mntHasParent(m)) return true; // nothing to stay connected to
  if (!(m.mnt_parent.mnt_flags & MNT_UMOUNT)) return true; // the rule quoted above
  if (how & UMOUNT_CONNECTED) return false;
  if (m.mnt_flags & MNT_LOCKED) return false; // keep the covered directory hidden
  return true;
}

/**
 * Clear MNT_LOCKED on the counterparts of `mnt` under everything its parent
 * propagates to, now that mnt itself goes: an unmount that propagates into a
 * less privileged namespace may take its locked copies too.
 * Analogous to fs/pnode.c:propagate_mount_unlock().
 */
function propagateMountUnlock(k: Kernel, mnt: Mount): void {
  const parent = mnt.mnt_parent;
  if (parent === mnt) return; // BUG_ON(parent == mnt): do_umount() never lets a parentless mount get here
  for (let m = propagationNext(parent, parent); m; m = propagationNext(m, parent)) {
    const child = lookupMnt(k, m, mnt.mnt_mountpoint);
    if (child) child.mnt_flags &= ~MNT_LOCKED;
  }
}

/**
 * Unmount the tree at `mnt`: flag every mount MNT_UMOUNT, take it out of its
 * namespace (mnt_ns = NULL), and hand its "being mounted" reference to the
 * unmount bookkeeping (its fs_pin on `unmounted`, ≤5.2; the `unmounted` list,
 * 5.3+), which namespace_unlock() releases.
 * Analogous to fs/namespace.c:umount_tree() (v4.19; 6.18 where the variant says).
 */
export function umountTree(k: Kernel, mnt: Mount, how: number): void {
  traced(k, 'umount_tree', () => {
    if (how & UMOUNT_PROPAGATE) propagateMountUnlock(k, mnt);
    // Gather, in next_mnt() pre-order. v4.19's list_move() adds at the
    // head, so there the list ends up in reverse pre-order; 6.17+ adds at
    // the tail. That is the order they are processed in.
    const gathered = subtree(mnt);
    if (!k.variant.has('umount-tree-tail-order')) gathered.reverse();
    for (const p of gathered) p.mnt_flags |= MNT_UMOUNT;
    // Hide them from their parents' mnt_mounts, so nothing walks them now.
    removeSubtreeChildren(mnt, gathered);
    // Add the mounts that received propagation along with these.
    if (how & UMOUNT_PROPAGATE) propagateUmount(k, gathered);
    // Out of their peer groups and slave lists, all at once.
    bulkMakePrivate(k, gathered);
    // The variant's answers, asked once for the whole loop (once per mount
    // they cost more than the rest of it under 1,000 peers).
    const keepsNsList = k.variant.has('mutant-umount-tree-keeps-ns-list');
    const unmountedList = k.variant.has('unmounted-list');
    const childrenDontPinParents = k.variant.has('children-dont-pin-parents');
    const disconnected: Mount[] = [];
    for (const p of gathered) {
      if (p.mnt_ns && !keepsNsList) p.mnt_ns.mounts.delete(p);
      p.mnt_ns = null;
      if (how & UMOUNT_SYNC) p.mnt_flags |= MNT_SYNC_UMOUNT;
      const disconnect = disconnectMount(p, how);
      if (!unmountedList) {
        pinInsertGroup(k, p.mnt_umount, p.mnt_parent, disconnect ? k.unmounted : null);
      }
      if (mntHasParent(p)) {
        if (!childrenDontPinParents) p.mnt_parent.mnt_count--; // mnt_add_count(parent, -1): give back R3
        if (!disconnect) p.mnt_parent.mnt_mounts.push(p); // "don't forget about p"
        else unhashFromParent(k, p, { saveExMountpoint: !unmountedList });
      }
      if (unmountedList && disconnect) disconnected.push(p);
    }
    // hlist_add_head() of each in turn onto `unmounted`: the last one first.
    const before = k.unmountedMounts.splice(0);
    for (const m of disconnected.reverse().concat(before)) k.unmountedMounts.push(m);
  });
}
