import { FSPICK_CLOEXEC, FSPICK_EMPTY_PATH, FSPICK_NO_AUTOMOUNT, FSPICK_SYMLINK_NOFOLLOW } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { mayMount } from '../kernel/user-namespace';
import { fdInstall, unusedFd } from '../fs/file';
import { fsContextForReconfigure, fscontextFile } from '../fs/fs-context';
import { pathLookupAt } from '../fs/namei';
import { fail, type SyscallResult } from '../result';
import { enterSyscall } from './entry';
import { mountApiMissing } from './mount-api-variants';

export interface FspickArgs {
  readonly dfd: number;
  readonly path: string;
  readonly flags: number;
}

const VALID = FSPICK_CLOEXEC | FSPICK_SYMLINK_NOFOLLOW | FSPICK_NO_AUTOMOUNT | FSPICK_EMPTY_PATH;

/**
 * fspick(2): a context for reconfiguring the superblock mounted at `path`,
 * which must be the root of its mount. With FSPICK_SYMLINK_NOFOLLOW a
 * /proc/self/fd/N link is not followed, and a link is no mount's root.
 * Analogous to fs/fsopen.c:SYSCALL_DEFINE3(fspick) (6.18).
 */
export function fspick(k: Kernel, task: Task, args: FspickArgs): SyscallResult<number> {
  return enterSyscall(k, task, 'fspick', () => {
    if (mountApiMissing(k)) return fail('ENOSYS');
    if (!mayMount(task)) return fail('EPERM');
    if (args.flags & ~VALID) return fail('EINVAL');
    const found = pathLookupAt(k, task, args.dfd, args.path, { emptyPath: (args.flags & FSPICK_EMPTY_PATH) !== 0 });
    if (!found.ok) return found;
    const { path, viaLink } = found.value;
    if (viaLink && args.flags & FSPICK_SYMLINK_NOFOLLOW) return fail('EINVAL'); // the link itself, on proc
    if (path.mnt.mnt_root !== path.dentry) return fail('EINVAL');
    const fc = fsContextForReconfigure(path.dentry, task);
    const fd = unusedFd(task); // anon_inode_getfd(): EMFILE once the table is full
    if (!fd.ok) return fd;
    fdInstall(task, fd.value, fscontextFile(k, fc));
    return fd;
  });
}
