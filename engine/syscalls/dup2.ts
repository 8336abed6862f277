import { RLIMIT_NOFILE_CUR } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { fput } from '../fs/file';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

export interface Dup2Args {
  readonly oldfd: number;
  readonly newfd: number;
}

/**
 * dup2(2): newfd names the same struct file as oldfd (f_count + 1, no new
 * mount reference, no second FMODE_NEED_UNMOUNT file); whatever newfd named
 * before is closed. newfd must be below RLIMIT_NOFILE.
 * Analogous to fs/file.c:SYSCALL_DEFINE2(dup2) -> ksys_dup3() (6.18).
 */
export function dup2(k: Kernel, task: Task, args: Dup2Args): SyscallResult<number> {
  return enterSyscall(k, task, 'dup2', () => {
    const file = task.files.get(args.oldfd);
    if (args.oldfd === args.newfd) return file ? ok(args.newfd) : fail('EBADF'); // dup2() itself: no limit check
    if (args.newfd < 0 || args.newfd >= RLIMIT_NOFILE_CUR) return fail('EBADF'); // dup2(2) EBADF: newfd out of range
    if (!file) return fail('EBADF'); // dup2(2) EBADF: oldfd not open
    const previous = task.files.get(args.newfd);
    file.f_count++;
    task.files.set(args.newfd, file);
    if (previous) fput(k, task, previous);
    return ok(args.newfd);
  });
}
