import type { Kernel, Task } from '../kernel/types';
import { nsfsNs, nsName } from '../fs/nsfs';
import { procNsGetLink } from '../fs/procfs';
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
 * root), or for an nsfs file (and /proc/PID/ns/*) as "user:[INUM]" or "mnt:[INUM]". Checks in order: the lookup (no follow), then anything that is
 * not a link: EINVAL (ENOENT for an empty name).
 * Analogous to fs/stat.c:do_readlinkat(), fs/proc/base.c:proc_pid_readlink() and fs/proc/namespaces.c:proc_ns_readlink() (6.18).
 */
export function readlinkat(k: Kernel, task: Task, args: ReadlinkatArgs): SyscallResult<string> {
  return enterSyscall(k, task, 'readlinkat', () => {
    if (args.path === '') return fail('ENOENT');
    const found = lookupNoFollow(k, task, args.dfd, args.path);
    if (!found.ok) return found;
    if (!('link' in found.value)) return fail('EINVAL');
    // An nsfs file reads as "user:[INUM]" or "mnt:[INUM]" (ns_dname()): not a path, so realpath(3)
    // of it fails and mount(8) keeps the name it was given. (fs/nsfs.ts numbers them.)
    if (found.value.ns) return ok(nsName(found.value.ns));
    // /proc/PID/ns/mnt itself: proc_ns_readlink() asks what proc_ns_get_link() asks (EACCES).
    if (found.value.nsLink) {
      const target = procNsGetLink(k, task, found.value.nsLink);
      if (!target.ok) return target;
      return ok(nsName(nsfsNs(k, target.value.dentry)!));
    }
    return ok(dPath(found.value.link, task.root));
  });
}
