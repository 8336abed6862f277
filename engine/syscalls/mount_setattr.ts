import { AT_EMPTY_PATH, AT_NO_AUTOMOUNT, AT_RECURSIVE, AT_SYMLINK_NOFOLLOW } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { pathLookupAt } from '../fs/namei';
import { doMountSetattr, wantsMountSetattr, type MountKattr } from '../namespace/do-mount-setattr';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

/** struct mount_attr as user space fills it (MOUNT_ATTR_SIZE_VER0, 32 bytes). */
export interface MountAttr {
  readonly attr_set: number;
  readonly attr_clr: number;
  readonly propagation: number;
  readonly userns_fd: number;
}

export interface MountSetattrArgs {
  readonly dfd: number;
  readonly path: string;
  readonly flags: number;
  /** The struct user space hands over, or null for a NULL pointer. */
  readonly attr: MountAttr | null;
  /** usize: how many bytes of it (a bigger struct is zero past 32 bytes). */
  readonly size: number;
}

const VALID = AT_EMPTY_PATH | AT_RECURSIVE | AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT;

/**
 * mount_setattr(2) (5.12): change a mount's flags, atime mode, propagation
 * or idmapping, with AT_RECURSIVE the whole tree below it, all or nothing.
 * Flags first, then the struct (size, may_mount(), a no-op returns before
 * the lookup), then the path, then do_mount_setattr(). ver #12's v4.19
 * base had no such call: ENOSYS.
 * Analogous to fs/namespace.c:SYSCALL_DEFINE5(mount_setattr) (6.18).
 */
export function mountSetattr(k: Kernel, task: Task, args: MountSetattrArgs): SyscallResult<0> {
  return enterSyscall(k, task, 'mount_setattr', () => {
    if (!k.variant.has('mount-setattr')) return fail('ENOSYS'); // 5.12+: no syscall 442 before
    if (args.flags & ~VALID) return fail('EINVAL'); // mount_setattr(2) EINVAL: unknown flag
    const kattr: MountKattr = { attr_set: 0, attr_clr: 0, propagation: 0, recurse: (args.flags & AT_RECURSIVE) !== 0, idmapReplace: false };
    const wanted = wantsMountSetattr(task, args.attr, args.size, kattr);
    if (!wanted.ok) return wanted;
    if (wanted.value === 'nop') return ok(0);
    const found = pathLookupAt(k, task, args.dfd, args.path, { emptyPath: (args.flags & AT_EMPTY_PATH) !== 0 });
    if (!found.ok) return found;
    // AT_SYMLINK_NOFOLLOW on /proc/self/fd/N: the path is the link itself, in proc, never a mount's root.
    if (found.value.viaLink && args.flags & AT_SYMLINK_NOFOLLOW) return fail('EINVAL');
    return doMountSetattr(k, task, found.value.path, kattr);
  });
}
