import { O_CREAT, O_DIRECTORY, O_PATH, O_RDWR, O_WRONLY } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { allocFile, fdInstall, unusedFd } from '../fs/file';
import { getnameTooLong, pathLookupAt } from '../fs/namei';
import { nsfsNs } from '../fs/nsfs';
import { isReadonly, newDentry } from '../fs/super';
import { fail, type SyscallResult } from '../result';
import { shmemReserveInode } from '../fs/fs-parameters';
import { enterSyscall } from './entry';

export interface OpenatArgs {
  readonly dfd: number;
  readonly path: string;
  readonly flags: number;
}

/**
 * openat(2): a new file on the path, holding one reference on its mount and
 * never FMODE_NEED_UNMOUNT, even when it names the root of a detached clone
 * (the "second open file" of the thread). O_CREAT makes an empty file.
 * Analogous to fs/open.c:do_sys_openat2() (reduced).
 */
export function openat(k: Kernel, task: Task, args: OpenatArgs): SyscallResult<number> {
  return enterSyscall(k, task, 'openat', () => {
    // O_CREAT alone asks for no write access to a file that already exists
    // (build_open_flags(): acc_mode has no MAY_WRITE), so it opens on a
    // read-only mount; creating one needs mnt_want_write().
    const writing = (args.flags & (O_WRONLY | O_RDWR)) !== 0;
    // do_sys_openat2(): getname(), then an fd, then the walk.
    if (getnameTooLong(args.path)) return fail('ENAMETOOLONG');
    const fd = unusedFd(task);
    if (!fd.ok) return fd;
    let found = pathLookupAt(k, task, args.dfd, args.path);
    if (!found.ok && found.errno === 'ENOENT' && args.flags & O_CREAT) {
      const parent = pathLookupAt(k, task, args.dfd, args.path, { parent: true });
      if (!parent.ok) return parent;
      const { path: dir, last } = parent.value;
      if (last === '.' || last === '..') return fail('EISDIR');
      if (isReadonly(dir.mnt)) return fail('EROFS'); // lookup_open(): no write access to create
      if (!shmemReserveInode(dir.dentry.d_sb)) return fail('ENOSPC'); // tmpfs's nr_inodes
      newDentry(k, dir.dentry, last!, dir.dentry.d_sb, 'file');
      found = pathLookupAt(k, task, args.dfd, args.path);
    }
    if (!found.ok) return found;
    const { path } = found.value;
    if (args.flags & O_DIRECTORY && path.dentry.kind !== 'dir') return fail('ENOTDIR');
    if (path.dentry.d_sb.fstype === 'anon_inodefs' && !(args.flags & O_PATH)) return fail('ENXIO'); // an fs context reopened by /proc/self/fd/N: no_open()
    if ((writing || args.flags & O_CREAT) && path.dentry.kind === 'dir') return fail('EISDIR'); // do_open()/may_open(): not a directory with O_CREAT or for writing
    if (writing && isReadonly(path.mnt)) return fail('EROFS');
    // /proc/PID/ns/user or /proc/PID/ns/mnt led to an nsfs file: it pins that namespace.
    const ns = nsfsNs(k, path.dentry);
    const oPath = (args.flags & O_PATH) !== 0;
    fdInstall(task, fd.value, allocFile(k, path, { oPath, userNs: ns?.type === 'user' ? ns.ns : undefined, mntNs: ns?.type === 'mnt' ? ns.ns : undefined }));
    return fd;
  });
}
