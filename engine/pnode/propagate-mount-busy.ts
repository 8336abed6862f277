import type { Mount } from '../kernel/types';
import { mntHasParent } from '../namespace/alloc';

/** Analogous to fs/pnode.c:do_refcount_check(): more references than `count`? */
export function doRefcountCheck(m: Mount, count: number): boolean {
  return m.mnt_count > count;
}

/**
 * Is `mnt` (or its counterpart under a propagation peer of its parent) in use
 * beyond the `refcnt` references the caller expects? A child mount of any
 * kind makes it busy. (Peer groups are not modelled yet: a private parent has
 * no counterparts to look at.)
 * Analogous to fs/pnode.c:propagate_mount_busy() (v4.19 and 6.18).
 */
export function propagateMountBusy(mnt: Mount, refcnt: number): boolean {
  if (!mntHasParent(mnt)) return doRefcountCheck(mnt, refcnt);
  return mnt.mnt_mounts.length > 0 || doRefcountCheck(mnt, refcnt);
}
