import { FSMOUNT_CLOEXEC, FSMOUNT_VALID_FLAGS, MNT_NOATIME, MNT_RELATIME, MOUNT_ATTR__ATIME, MOUNT_ATTR_NOATIME, MOUNT_ATTR_RELATIME, MOUNT_ATTR_STRICTATIME } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Kernel, Task } from '../kernel/types';
import { mayMount } from '../kernel/user-namespace';
import { allocFile, fdInstall, unusedFd } from '../fs/file';
import { vfsCleanContext } from '../fs/fs-context';
import { allocMntNs, allocVfsmnt } from '../namespace/alloc';
import { attrFlagsToMntFlags } from '../namespace/do-mount-setattr';
import { mntget, mntputNoExpire } from '../namespace/refs';
import { fail, type SyscallResult } from '../result';
import { enterSyscall } from './entry';
import { mountApiMissing } from './mount-api-variants';

export interface FsmountArgs {
  readonly fd: number;
  readonly flags: number;
  /** MOUNT_ATTR_* bits. */
  readonly attrFlags: number;
}

/**
 * fsmount(2): a mount of the superblock the context created, alone in a new
 * anonymous namespace, on an O_PATH fd marked FMODE_NEED_UNMOUNT: like an
 * OPEN_TREE_CLONE fd, its last close dissolves the mount unless move_mount
 * attached it. The context is then cleaned, ready for a reconfiguration.
 * Analogous to fs/namespace.c:SYSCALL_DEFINE3(fsmount) (6.18).
 */
export function fsmount(k: Kernel, task: Task, args: FsmountArgs): SyscallResult<number> {
  return enterSyscall(k, task, 'fsmount', () => {
    if (mountApiMissing(k)) return fail('ENOSYS');
    if (!mayMount(task)) return fail('EPERM');
    if (args.flags & ~FSMOUNT_CLOEXEC) return fail('EINVAL');
    if (args.attrFlags & ~FSMOUNT_VALID_FLAGS) return fail('EINVAL');
    let mntFlags = attrFlagsToMntFlags(args.attrFlags);
    switch (args.attrFlags & MOUNT_ATTR__ATIME) {
      case MOUNT_ATTR_STRICTATIME:
        break;
      case MOUNT_ATTR_NOATIME:
        mntFlags |= MNT_NOATIME;
        break;
      case MOUNT_ATTR_RELATIME:
        mntFlags |= MNT_RELATIME;
        break;
      default:
        return fail('EINVAL'); // two atime modes at once
    }
    const file = task.files.get(args.fd);
    if (!file || file.oPath) return fail('EBADF'); // fdget(): an O_PATH file is no file here
    const fc = file.private_data;
    if (!fc) return fail('EINVAL'); // not an fs context
    if (!fc.root) return fail('EINVAL'); // no superblock yet: CMD_CREATE first
    if (fc.phase !== 'FS_CONTEXT_AWAITING_MOUNT') return fail('EBUSY');
    // The kernel takes the fd last, once the context is cleaned; the model asks first (EMFILE needs 1024 open fds).
    const fd = unusedFd(task);
    if (!fd.ok) return fd;
    const root = fc.root;
    const mnt = traced(k, 'vfs_create_mount', () => allocVfsmnt(k, root.d_sb, root, mntFlags));
    vfsCleanContext(fc);
    const ns = allocMntNs(k, task.mnt_ns.user_ns, true, mnt);
    mnt.mnt_ns = ns;
    ns.mounts.add(mnt);
    mntget(k, mnt); // R6: the anonymous namespace's root
    fdInstall(task, fd.value, allocFile(k, { mnt, dentry: root }, { oPath: true, needUnmount: true }));
    mntputNoExpire(k, mnt); // the creator's reference passes to the file
    return fd;
  });
}
