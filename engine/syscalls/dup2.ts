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
 * before is closed. Analogous to fs/file.c:ksys_dup3().
 */
export function dup2(k: Kernel, task: Task, args: Dup2Args): SyscallResult<number> {
  return enterSyscall(k, task, 'dup2', () => {
    const file = task.files.get(args.oldfd);
    if (!file) return fail('EBADF'); // dup2(2) EBADF: oldfd not open
    if (args.oldfd === args.newfd) return ok(args.newfd);
    const previous = task.files.get(args.newfd);
    file.f_count++;
    task.files.set(args.newfd, file);
    if (previous) fput(k, task, previous);
    return ok(args.newfd);
  });
}
