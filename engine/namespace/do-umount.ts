import { MNT_DETACH, MNT_EXPIRE, MNT_FORCE, MNT_LOCKED, UMOUNT_PROPAGATE, UMOUNT_SYNC } from '../kernel/constants';
import { capableOverSb } from '../kernel/user-namespace';
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
 * only if nothing but the tree and the caller hold it (otherwise EBUSY);
 * with MNT_EXPIRE, only on the second try with nothing used in between.
 * v4.19 silently skips a mount already off its namespace's list; 6.x
 * re-checks under the lock instead.
 * Analogous to fs/namespace.c:do_umount() (v4.19; 6.18).
 */
export function doUmount(k: Kernel, task: Task, mnt: Mount, flags: number): SyscallResult<0> {
  return traced(k, 'do_umount', () => {
    const v12 = !k.variant.has('do-umount-recheck');
    const ns = task.mnt_ns;
    // MNT_EXPIRE unmounts only an idle mount that was already marked: the
    // first try marks it (EAGAIN), any use since unmarks it (mntput()).
    if (flags & MNT_EXPIRE) {
      if (mnt === task.root.mnt || flags & (MNT_FORCE | MNT_DETACH)) return fail('EINVAL');
      if (mnt.mnt_mounts.length || mnt.mnt_count !== EXPECTED_REFS_FOR_UMOUNT) return fail('EBUSY');
      const marked = mnt.mnt_expiry_mark;
      mnt.mnt_expiry_mark = true; // xchg()
      if (!marked) return fail('EAGAIN');
    }
    // MNT_FORCE would call the filesystem's umount_begin(): tmpfs and proc have none.
    // "Unmounting" the caller's own root only remounts it read-only.
    if (mnt === task.root.mnt && !(flags & MNT_DETACH)) {
      if (!capableOverSb(k, task, mnt.mnt_sb)) return fail('EPERM');
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
