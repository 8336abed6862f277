import {
  MNT_ATIME_MASK, MNT_LOCK_ATIME, MNT_LOCK_NODEV, MNT_LOCK_NOEXEC, MNT_LOCK_NOSUID, MNT_LOCK_READONLY,
  MNT_NODEV, MNT_NOEXEC, MNT_NOSUID, MNT_READONLY, MNT_USER_SETTABLE_MASK,
} from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Mount, Path, Task, Kernel } from '../kernel/types';
import { fail, ok, type SyscallResult } from '../result';
import { checkMnt } from './alloc';

/**
 * May a remount leave `mnt` with `mntFlags`? Not if it would clear a flag
 * that lock_mnt_tree() locked (a less privileged namespace may make a
 * mount more restricted, never less), nor change a locked atime mode.
 * Analogous to fs/namespace.c:can_change_locked_flags() (6.18; v4.19 has the same tests inline in do_remount()).
 */
export function canChangeLockedFlags(mnt: Mount, mntFlags: number): boolean {
  const fl = mnt.mnt_flags;
  if (fl & MNT_LOCK_READONLY && !(mntFlags & MNT_READONLY)) return false;
  if (fl & MNT_LOCK_NODEV && !(mntFlags & MNT_NODEV)) return false;
  if (fl & MNT_LOCK_NOSUID && !(mntFlags & MNT_NOSUID)) return false;
  if (fl & MNT_LOCK_NOEXEC && !(mntFlags & MNT_NOEXEC)) return false;
  if (fl & MNT_LOCK_ATIME && (fl & MNT_ATIME_MASK) !== (mntFlags & MNT_ATIME_MASK)) return false;
  return true;
}

/**
 * mount -o remount,bind: set one mount's own flags (read-only, nosuid,
 * nodev, noexec, the atime mode), leaving its superblock and every other
 * mount of it alone. The mount must be ours and the path its root.
 * Analogous to fs/namespace.c:do_reconfigure_mnt() (6.18; do_remount() with MS_BIND in v4.19).
 */
export function doReconfigureMnt(k: Kernel, task: Task, path: Path, mntFlags: number): SyscallResult<0> {
  return traced(k, 'do_reconfigure_mnt', () => {
    const mnt = path.mnt;
    if (!checkMnt(mnt, task.mnt_ns)) return fail('EINVAL');
    if (path.dentry !== mnt.mnt_root) return fail('EINVAL'); // !path_mounted(path)
    if (!canChangeLockedFlags(mnt, mntFlags)) return fail('EPERM');
    // change_mount_ro_state() cannot fail here: the model has no writers in flight.
    mnt.mnt_flags = (mnt.mnt_flags & ~MNT_USER_SETTABLE_MASK) | mntFlags; // set_mount_attributes()
    return ok(0);
  });
}
