import type { Kernel, Task } from '../kernel/types';
import { fput } from '../fs/file';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

export interface CloseArgs {
  readonly fd: number;
}

/**
 * close(2): the fd goes at once; the file's last reference defers __fput()
 * to the way back to user space, where dissolve_on_fput() may run.
 * Analogous to fs/open.c:SYSCALL_DEFINE1(close) + fs/file_table.c:fput().
 */
export function close(k: Kernel, task: Task, args: CloseArgs): SyscallResult<0> {
  return enterSyscall(k, task, 'close', () => {
    const file = task.files.get(args.fd);
    if (!file) return fail('EBADF'); // close(2) EBADF: fd not open
    task.files.delete(args.fd);
    fput(k, task, file);
    return ok(0);
  });
}
