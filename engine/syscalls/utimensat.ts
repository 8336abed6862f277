import { AT_FDCWD } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { pathLookupAt } from '../fs/namei';
import { isReadonly } from '../fs/super';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

export interface UtimensatArgs {
  readonly path: string;
}

/**
 * utimensat(2) to "now", as touch(1) does for a directory: times are not
 * modelled, but a read-only filesystem still refuses with EROFS.
 * Analogous to fs/utimes.c:do_utimes() (reduced).
 */
export function utimensat(k: Kernel, task: Task, args: UtimensatArgs): SyscallResult<0> {
  return enterSyscall(k, task, 'utimensat', () => {
    const found = pathLookupAt(k, task, AT_FDCWD, args.path);
    if (!found.ok) return found;
    if (isReadonly(found.value.path.mnt)) return fail('EROFS'); // mnt_want_write()
    return ok(0);
  });
}
