import { ANON_INODE_FS_MAGIC, PIPEFS_MAGIC, NSFS_MAGIC, PROC_SUPER_MAGIC, RAMFS_MAGIC, TMPFS_MAGIC } from '../kernel/constants';
import type { Kernel, SuperBlock, Task } from '../kernel/types';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

export interface FstatfsArgs {
  readonly fd: number;
}

/** What the model reports of struct statfs: the filesystem's magic number. */
export interface Statfs {
  readonly f_type: number;
}

const MAGIC: Readonly<Record<SuperBlock['fstype'], number>> = { tmpfs: TMPFS_MAGIC, rootfs: RAMFS_MAGIC, proc: PROC_SUPER_MAGIC, pipefs: PIPEFS_MAGIC, nsfs: NSFS_MAGIC, anon_inodefs: ANON_INODE_FS_MAGIC };

/**
 * fstatfs(2): which filesystem an fd (O_PATH ones too: fdget_raw) is on.
 * Checks: a bad fd EBADF; then the superblock's statfs.
 * Analogous to fs/statfs.c:fd_statfs() (6.18).
 */
export function fstatfs(k: Kernel, task: Task, args: FstatfsArgs): SyscallResult<Statfs> {
  return enterSyscall(k, task, 'fstatfs', () => {
    const file = task.files.get(args.fd);
    if (!file) return fail('EBADF');
    return ok({ f_type: MAGIC[file.f_path.dentry.d_sb.fstype] });
  });
}
