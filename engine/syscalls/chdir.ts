import { AT_FDCWD } from '../kernel/constants';
import type { Kernel, Path, Task } from '../kernel/types';
import { pathLookupAt } from '../fs/namei';
import { pathGet, pathPut } from '../namespace/refs';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

export interface ChdirArgs {
  /** A path, or an fd for fchdir(2). */
  readonly path?: string;
  readonly fd?: number;
}

/** set_fs_pwd(): the new cwd takes a reference, the old one gives its back. */
function setFsPwd(k: Kernel, task: Task, path: Path): void {
  const old = task.pwd;
  task.pwd = pathGet(k, path);
  pathPut(k, old);
}

/**
 * chdir(2) / fchdir(2): the cwd holds a reference on its mount, which keeps
 * a dissolved or lazily unmounted tree alive (as the thread's `cd
 * /proc/self/fd/3` does). Analogous to fs/open.c:SYSCALL_DEFINE1(chdir) / fchdir.
 */
export function chdir(k: Kernel, task: Task, args: ChdirArgs): SyscallResult<0> {
  return enterSyscall(k, task, args.fd === undefined ? 'chdir' : 'fchdir', () => {
    let path: Path;
    if (args.fd !== undefined) {
      const file = task.files.get(args.fd);
      if (!file) return fail('EBADF');
      path = file.f_path;
    } else {
      const found = pathLookupAt(k, task, AT_FDCWD, args.path ?? '');
      if (!found.ok) return found;
      path = found.value.path;
    }
    if (path.dentry.kind !== 'dir') return fail('ENOTDIR');
    setFsPwd(k, task, path);
    return ok(0);
  });
}
