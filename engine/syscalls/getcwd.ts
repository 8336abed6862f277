import type { Kernel, Task } from '../kernel/types';
import { dPath, pathFromRoot } from '../fs/namei';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

/** PATH_MAX: getcwd's own page (include/uapi/linux/limits.h). */
const PATH_MAX = 4096;

export interface GetcwdArgs {
  /** The caller's buffer size; glibc's getcwd(NULL, 0) offers PATH_MAX. */
  readonly size?: number;
}

/**
 * getcwd(2): the cwd as seen from the task's root. A cwd the root cannot
 * reach (a detached, dissolved or lazily unmounted tree) still succeeds,
 * with "(unreachable)" before the path within its tree: glibc turns that
 * into ENOENT. Then the length with its NUL: over PATH_MAX ENAMETOOLONG,
 * over the buffer ERANGE. (A deleted cwd's ENOENT never arises: the model
 * removes no directories.)
 * Analogous to fs/d_path.c:SYSCALL_DEFINE2(getcwd) (6.18).
 */
export function getcwd(k: Kernel, task: Task, args: GetcwdArgs = {}): SyscallResult<string> {
  return enterSyscall(k, task, 'getcwd', () => {
    const reachable = pathFromRoot(task.pwd, task.root);
    const text = reachable ?? `(unreachable)${dPath(task.pwd, task.root)}`;
    const len = text.length + 1;
    if (len > PATH_MAX) return fail('ENAMETOOLONG');
    if (len > (args.size ?? PATH_MAX)) return fail('ERANGE');
    return ok(text);
  });
}
