import { FSOPEN_CLOEXEC } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { mayMount } from '../kernel/user-namespace';
import { fdInstall, unusedFd } from '../fs/file';
import { fsContextForMount, fscontextFile } from '../fs/fs-context';
import { fail, type SyscallResult } from '../result';
import { enterSyscall } from './entry';
import { mountApiMissing } from './mount-api-variants';

export interface FsopenArgs {
  readonly fsName: string;
  readonly flags: number;
}

/** The filesystems the model knows (get_fs_type()); any other name is ENODEV. */
const FILESYSTEMS: ReadonlySet<string> = new Set(['tmpfs', 'proc']);

/**
 * fsopen(2): a new filesystem context for `fsName`, in its parameter phase,
 * on an anon_inode:[fscontext] fd. The close-on-exec flag is the fd's, which
 * the model's fd table does not keep: the dialect's fsopen -c closes it itself.
 * Analogous to fs/fsopen.c:SYSCALL_DEFINE2(fsopen) (6.18).
 */
export function fsopen(k: Kernel, task: Task, args: FsopenArgs): SyscallResult<number> {
  return enterSyscall(k, task, 'fsopen', () => {
    if (mountApiMissing(k)) return fail('ENOSYS');
    if (!mayMount(task)) return fail('EPERM');
    if (args.flags & ~FSOPEN_CLOEXEC) return fail('EINVAL');
    if (!FILESYSTEMS.has(args.fsName)) return fail('ENODEV');
    const fc = fsContextForMount(args.fsName as 'tmpfs' | 'proc', task);
    const fd = unusedFd(task); // anon_inode_getfd(): EMFILE once the table is full
    if (!fd.ok) return fd;
    fdInstall(task, fd.value, fscontextFile(k, fc));
    return fd;
  });
}
