import { NS_GET_MNTNS_ID } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { nsfsNs } from '../fs/nsfs';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

export interface IoctlArgs {
  readonly fd: number;
  /** The one request the model knows. */
  readonly cmd: typeof NS_GET_MNTNS_ID;
}

/**
 * ioctl(2), as far as NS_GET_MNTNS_ID goes (6.11+): the id of the mount
 * namespace an nsfs file stands for, what statmount() and listmount() take
 * as mnt_id_req.mnt_ns_id. Checks in order: no fd, or an O_PATH one, EBADF
 * (fdget()); a file with no ioctls of its own (tmpfs, procfs, pipes, fs
 * contexts: none has this one) ENOTTY (vfs_ioctl()); an nsfs file of
 * another namespace type EINVAL.
 * Analogous to fs/ioctl.c:SYSCALL_DEFINE3(ioctl) + fs/nsfs.c:ns_ioctl() (6.18).
 */
export function ioctl(k: Kernel, task: Task, args: IoctlArgs): SyscallResult<bigint> {
  return enterSyscall(k, task, 'ioctl', () => {
    const file = task.files.get(args.fd);
    if (!file || file.oPath) return fail('EBADF');
    const ns = nsfsNs(k, file.f_path.dentry);
    if (!ns) return fail('ENOTTY'); // no ->unlocked_ioctl
    if (args.cmd !== NS_GET_MNTNS_ID) return fail('ENOTTY'); // !nsfs_ioctl_valid(): -ENOIOCTLCMD
    if (ns.type !== 'mnt') return fail('EINVAL');
    return ok(BigInt(ns.ns.ns_id)); // put_user(ns->ns_id)
  });
}
