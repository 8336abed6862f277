// mnt_count: who holds references is the table in engine/README.md.

import { MNT_DOOMED } from '../kernel/constants';
import { traced, useAfterFree, warn } from '../kernel/kernel';
import type { Kernel, Mount, Path } from '../kernel/types';
import { mntPinKill } from './fs-pin';
import { nsfsNs } from '../fs/nsfs';
import { putMntNs } from './put-mnt-ns';
import { unhashFromParent } from './tree';

/**
 * What do_umount() passes to propagate_mount_busy(): one reference for being
 * mounted (R2) plus the one umount(2) holds from its own lookup (R5).
 */
export const EXPECTED_REFS_FOR_UMOUNT = 2;

/** Analogous to fs/namespace.c:mntget(). */
export function mntget(k: Kernel, m: Mount): void {
  if (m.freed) useAfterFree(k, 'mntget', `mount ${m.mnt_id}`);
  m.mnt_count++;
}

/** path_get(): a kept path holds one reference on its mount. */
export function pathGet(k: Kernel, path: Path): Path {
  mntget(k, path.mnt);
  return path;
}

/** path_put(). */
export function pathPut(k: Kernel, path: Path): void {
  mntput(k, path.mnt);
}

/**
 * Drop one reference, and with it the mount's expiry mark: a mount someone
 * used since the last umount2(MNT_EXPIRE) is not idle. umount(2) drops its
 * own lookup with mntput_no_expire() so that it keeps the mark it set.
 * Analogous to fs/namespace.c:mntput().
 */
export function mntput(k: Kernel, m: Mount): void {
  m.mnt_expiry_mark = false;
  mntputNoExpire(k, m);
}

/**
 * Drop one reference. While mnt_ns is set the kernel only decrements (the
 * fast path, which trusts the "being mounted" reference to keep it above 0);
 * otherwise the slow path. Inlined on the thread's build (no frame of its
 * own in a call trace), so it is not traced(): every path_put() comes
 * here, and the closure traced() takes cost more than the decrement.
 * Analogous to fs/namespace.c:mntput_no_expire() (v4.19; 6.x: the fast path, then mntput_no_expire_slowpath()).
 */
export function mntputNoExpire(k: Kernel, m: Mount): void {
  if (m.freed) {
    useAfterFree(k, 'mntput_no_expire', `mount ${m.mnt_id}`);
    return;
  }
  if (m.mnt_ns !== null) {
    m.mnt_count--; // fast path: no zero check (R8)
    return;
  }
  mntputNoExpireSlowpath(k, m);
}

/**
 * The put of a mount no namespace holds: the last one dooms it and queues
 * cleanup_mnt() to run on return to user space.
 * Analogous to fs/namespace.c:mntput_no_expire_slowpath() (6.x; the second half of v4.19's mntput_no_expire(), 6.x adds the WARN on < 0).
 */
function mntputNoExpireSlowpath(k: Kernel, m: Mount): void {
  m.mnt_count--;
  if (m.mnt_count !== 0) {
    if (m.mnt_count < 0 && k.variant.has('mntput-warns-negative')) warn(k, 'fs/namespace.c:mntput_no_expire', `mnt_count of mount ${m.mnt_id} is ${m.mnt_count}`);
    return;
  }
  if (m.mnt_flags & MNT_DOOMED) return;
  m.mnt_flags |= MNT_DOOMED;
  // Children still connected (unmounted-but-connected, R4) are cut loose
  // now; the parent's cleanup releases them.
  if (m.mnt_mounts.length > 0) {
    for (const child of [...m.mnt_mounts]) {
      unhashFromParent(k, child, { saveExMountpoint: !k.variant.has('unmounted-list') });
      if (k.variant.has('unmounted-list')) m.mnt_stuck_children.push(child);
    }
  }
  const task = k.current;
  const cleanup = () => cleanupMnt(k, m);
  if (task && !task.exited) task.task_works.push({ name: 'cleanup_mnt', run: cleanup });
  else cleanup();
}

/**
 * Free a doomed mount: kill the pins of its connected children (≤5.2) or put
 * its stuck children (5.3+), then free the struct.
 * Analogous to fs/namespace.c:cleanup_mnt().
 */
export function cleanupMnt(k: Kernel, m: Mount): void {
  traced(k, 'cleanup_mnt', () => {
    if (!k.variant.has('unmounted-list')) {
      if (m.mnt_pins.length) mntPinKill(k, m);
    } else {
      if (m.mnt_stuck_children.length > 0) for (const child of m.mnt_stuck_children.splice(0)) mntputNoExpire(k, child);
    }
    m.freed = true;
    k.mounts.delete(m);
    // dput(mnt_root): a mount namespace's nsfs file lets go of its namespace with its last holder.
    const ns = nsfsNs(k, m.mnt_root);
    if (ns?.type === 'mnt') putMntNs(k, ns.ns);
  });
}
