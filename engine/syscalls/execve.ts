import { AT_FDCWD, MNT_NOEXEC } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { pathLookupAt } from '../fs/namei';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

export interface ExecveArgs {
  /** The program's file, /bin/NAME. */
  readonly filename: string;
}

/**
 * execve(2), as far as its permission check on the mount goes: the model
 * keeps no program files, so a program "is" in the directory it is named
 * in (/bin), on whatever mount that resolves to; a noexec mount refuses
 * (EACCES). The caller then runs the program's model.
 * Analogous to fs/exec.c:do_open_execat() -> path_noexec() (6.18).
 */
export function execve(k: Kernel, task: Task, args: ExecveArgs): SyscallResult<0> {
  return enterSyscall(k, task, 'execve', () => {
    const dir = pathLookupAt(k, task, AT_FDCWD, args.filename, { parent: true });
    if (!dir.ok) return dir;
    if (dir.value.path.mnt.mnt_flags & MNT_NOEXEC) return fail('EACCES');
    return ok(0);
  });
}
