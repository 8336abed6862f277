import type { Kernel, Task } from '../kernel/types';
import { nsInum } from '../fs/nsfs';
import { dPath } from '../fs/namei';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';
import { lookupNoFollow } from './newfstatat';

export interface ReadlinkatArgs {
  readonly dfd: number;
  readonly path: string;
}

/**
 * readlinkat(2): the model's only links are procfs's /proc/self/fd/N,
 * which read as d_path() of the file's path ("/" for a detached tree's
 * root), or for an nsfs file as "user:[INUM]". Checks in order: the lookup (no follow), then anything that is
 * not a link: EINVAL (ENOENT for an empty name).
 * Analogous to fs/stat.c:do_readlinkat() and fs/proc/base.c:proc_pid_readlink() (6.18).
 */
export function readlinkat(k: Kernel, task: Task, args: ReadlinkatArgs): SyscallResult<string> {
  return enterSyscall(k, task, 'readlinkat', () => {
    if (args.path === '') return fail('ENOENT');
    const found = lookupNoFollow(k, task, args.dfd, args.path);
    if (!found.ok) return found;
    if (!('link' in found.value)) return fail('EINVAL');
    // An nsfs file reads as "user:[INUM]" (ns_dname()): not a path, so realpath(3) of it fails and
    // mount(8) keeps the name it was given. (fs/nsfs.ts numbers them.)
    if (found.value.userNs) return ok(`user:[${nsInum(found.value.userNs)}]`);
    return ok(dPath(found.value.link, task.root));
  });
}
