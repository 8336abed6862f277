import { MNT_DETACH, MNT_LOCKED, UMOUNT_PROPAGATE, UMOUNT_SYNC } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Kernel, Mount, Task } from '../kernel/types';
import { propagateMountBusy } from '../pnode/propagate-mount-busy';
import { fail, ok, type SyscallResult } from '../result';
import { checkMnt, mntHasParent } from './alloc';
import { namespaceUnlock } from './namespace-unlock';
import { EXPECTED_REFS_FOR_UMOUNT } from './refs';
import { umountTree } from './umount-tree';

/**
 * Unmount `mnt`: lazily (MNT_DETACH: detach now, free on the last put) or
 * only if nothing but the tree and the caller hold it (otherwise EBUSY).
 * v4.19 silently skips a mount already off its namespace's list; 6.x
 * re-checks under the lock instead.
 * Analogous to fs/namespace.c:do_umount() (v4.19; 6.18).
 */
export function doUmount(k: Kernel, task: Task, mnt: Mount, flags: number): SyscallResult<0> {
  return traced(k, 'do_umount', () => {
    const v12 = k.variant.detached === 'null-ns';
    const ns = task.mnt_ns;
    // "Unmounting" the caller's own root only remounts it read-only.
    if (mnt === task.root.mnt && !(flags & MNT_DETACH)) {
      mnt.mnt_sb.s_rdonly = true; // do_remount_sb(sb, SB_RDONLY)
      return ok(0);
    }
    // namespace_lock(); lock_mount_hash();
    let result: SyscallResult<0>;
    if (!v12 && !checkMnt(mnt, ns)) result = fail('EINVAL');
    else if (!v12 && mnt.mnt_flags & MNT_LOCKED) result = fail('EINVAL');
    else if (!v12 && !mntHasParent(mnt)) result = fail('EINVAL');
    else if (flags & MNT_DETACH) {
      if (!v12 || mnt.mnt_ns !== null) umountTree(k, mnt, UMOUNT_PROPAGATE); // v4.19: if (!list_empty(&mnt->mnt_list))
      result = ok(0);
    } else if (propagateMountBusy(k, mnt, EXPECTED_REFS_FOR_UMOUNT)) {
      result = fail('EBUSY'); // umount2(2) EBUSY; fs/pnode.c:propagate_mount_busy(mnt, 2)
    } else {
      if (!v12 || mnt.mnt_ns !== null) umountTree(k, mnt, UMOUNT_PROPAGATE | UMOUNT_SYNC);
      result = ok(0);
    }
    namespaceUnlock(k);
    return result;
  }, { inline: true }); // inlined into ksys_umount on the thread's build
}
