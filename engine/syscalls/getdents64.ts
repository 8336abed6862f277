import type { Kernel, Task } from '../kernel/types';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

export interface Getdents64Args {
  readonly fd: number;
}

/**
 * getdents64(2): the names in the directory an fd is open on (without "."
 * and ".."; callers sort). procfs lists its fixed nodes and the fd table.
 * Analogous to fs/readdir.c:SYSCALL_DEFINE3(getdents64) (reduced).
 */
export function getdents64(k: Kernel, task: Task, args: Getdents64Args): SyscallResult<string[]> {
  return enterSyscall(k, task, 'getdents64', () => {
    const file = task.files.get(args.fd);
    if (!file) return fail('EBADF');
    if (file.oPath) return fail('EBADF'); // O_PATH files cannot be read
    const dentry = file.f_path.dentry;
    if (dentry.kind !== 'dir') return fail('ENOTDIR');
    if (dentry.proc?.kind === 'fd-dir') return ok([...task.files.keys()].map(String));
    return ok([...dentry.children.keys()]);
  });
}
