import { MNT_DETACH, MNT_EXPIRE, MNT_FORCE, MNT_LOCKED, UMOUNT_NOFOLLOW } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Kernel, Task } from '../kernel/types';
import { followMount, pathLookupAt } from '../fs/namei';
import { AT_FDCWD } from '../kernel/constants';
import { checkMnt } from '../namespace/alloc';
import { doUmount } from '../namespace/do-umount';
import { mntget, mntputNoExpire } from '../namespace/refs';
import { fail, type SyscallResult } from '../result';
import { capableOverSb, mayMount } from '../kernel/user-namespace';
import { enterSyscall } from './entry';

export interface Umount2Args {
  readonly target: string;
  readonly flags: number;
}

/**
 * umount2(2): flags, lookup (which takes umount's own reference, R5; with
 * UMOUNT_NOFOLLOW a final magic link is not followed; LOOKUP_MOUNTPOINT, or
 * v4.19's path_mountpoint(), ends on the topmost mount), then can_umount()'s
 * checks, then do_umount(). The lookup's reference goes last, through
 * mntput_no_expire(), so a mark MNT_EXPIRE set survives it.
 * Analogous to fs/namespace.c:ksys_umount() (v4.19) / path_umount() + can_umount() (5.9+, 6.18).
 */
export function umount2(k: Kernel, task: Task, args: Umount2Args): SyscallResult<0> {
  return enterSyscall(k, task, 'umount', () =>
    traced(k, k.variant.has('path-umount') ? 'path_umount' : 'ksys_umount', () => {
      if (args.flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW)) return fail('EINVAL');
      const found = pathLookupAt(k, task, AT_FDCWD, args.target, { keepExpiryMark: true });
      if (!found.ok) return found;
      const { viaLink } = found.value;
      // LOOKUP_MOUNTPOINT: whatever the last step was (".", a magic link), go
      // down to the topmost mount there, as a name's own step would have.
      const path = viaLink && args.flags & UMOUNT_NOFOLLOW ? found.value.path : followMount(k, found.value.path);
      const mnt = path.mnt;
      mntget(k, mnt); // the lookup's reference: one of the 2 do_umount() expects
      let result: SyscallResult<0>;
      // Not followed, /proc/self/fd/N is the link itself: a procfs entry, never a mount's root.
      if (!mayMount(task)) result = fail('EPERM');
      else if (viaLink && args.flags & UMOUNT_NOFOLLOW) result = fail('EINVAL');
      else if (path.dentry !== mnt.mnt_root) result = fail('EINVAL'); // umount2(2) EINVAL: not a mount point
      else if (!checkMnt(mnt, task.mnt_ns)) result = fail('EINVAL'); // not in our namespace (includes unmounted, detached)
      else if (mnt.mnt_flags & MNT_LOCKED) result = fail('EINVAL'); // locked by a more privileged namespace
      else if (args.flags & MNT_FORCE && !capableOverSb(k, task, mnt.mnt_sb)) result = fail('EPERM');
      else result = doUmount(k, task, mnt, args.flags);
      mntputNoExpire(k, mnt);
      return result;
    }),
  );
}
