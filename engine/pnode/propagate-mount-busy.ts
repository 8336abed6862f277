import type { Kernel, Mount } from '../kernel/types';
import { mntHasParent } from '../namespace/alloc';
import { lookupMnt } from '../namespace/lookup-mnt';
import { propagationNext } from './propagation-next';

/** Analogous to fs/pnode.c:do_refcount_check(): more references than `count`? */
export function doRefcountCheck(m: Mount, count: number): boolean {
  return m.mnt_count > count;
}

/**
 * Is `mnt` (or its counterpart under a mount its parent propagates to) in
 * use beyond the `refcnt` references the caller expects? Any child mount
 * makes mnt itself busy. A counterpart with children is skipped (it will
 * stay), unless its only child is a full overmount (which would slide
 * down); otherwise it is busy with more than its "being mounted" reference.
 * ≤6.16 also counts that overmount's reference on it (R3), hence
 * count + 1 there (v4.19 find_topper()).
 * Analogous to fs/pnode.c:propagate_mount_busy() (6.18; v4.19).
 */
export function propagateMountBusy(k: Kernel, mnt: Mount, refcnt: number): boolean {
  if (!mntHasParent(mnt)) return doRefcountCheck(mnt, refcnt);
  if (mnt.mnt_mounts.length > 0 || doRefcountCheck(mnt, refcnt)) return true;
  const parent = mnt.mnt_parent;
  for (let m = propagationNext(parent, parent); m; m = propagationNext(m, parent)) {
    const child = lookupMnt(k, m, mnt.mnt_mountpoint);
    if (!child) continue;
    let count = 1;
    if (child.mnt_mounts.length > 0) {
      // a mount that covers child completely wouldn't prevent it being pulled out; any other would
      if (child.mnt_mounts.length !== 1 || !child.overmount) continue;
      if (!k.variant.has('children-dont-pin-parents')) count += 1;
    }
    if (doRefcountCheck(child, count)) return true;
  }
  return false;
}
