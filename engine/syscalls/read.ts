import { StuckTask } from '../kernel/kernel';
import type { Kernel, Task } from '../kernel/types';
import { renderMountinfo } from '../observe/mountinfo';
import { fail, ok, type SyscallResult } from '../result';
import { fscontextRead } from '../fs/fs-context';
import { enterSyscall } from './entry';

export interface ReadArgs {
  readonly fd: number;
  /** The buffer's size; an fs context's message longer than it is EMSGSIZE. */
  readonly count?: number;
}

/**
 * read(2) until EOF: tmpfs files made by the shell are empty; procfs's
 * mountinfo is generated for the reading task.
 * Analogous to fs/read_write.c:ksys_read() (reduced).
 */
export function read(k: Kernel, task: Task, args: ReadArgs): SyscallResult<string> {
  return enterSyscall(k, task, 'read', () => {
    const file = task.files.get(args.fd);
    if (!file || file.oPath) return fail('EBADF');
    if (file.private_data) return fscontextRead(file.private_data, args.count ?? 4096); // one log message per read
    const dentry = file.f_path.dentry;
    if (dentry.kind === 'dir') return fail('EISDIR');
    if (dentry.proc?.kind === 'mountinfo') return ok(renderMountinfo(task));
    // A pipe of the session (fds 0-2): reading the terminal's input waits for
    // input that the transcript never sends; the command does not come back.
    if (dentry.d_sb.fstype === 'pipefs') throw new StuckTask('waiting for input', task);
    if (dentry.d_sb.fstype === 'nsfs') return fail('EINVAL'); // ns_file_operations has no read: vfs_read() is EINVAL
    return ok('');
  });
}
