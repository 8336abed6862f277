import { AT_EMPTY_PATH, AT_NO_AUTOMOUNT, AT_SYMLINK_NOFOLLOW, S_IFDIR, S_IFIFO, S_IFLNK, S_IFREG } from '../kernel/constants';
import type { Kernel, Path, ProcNode, Task } from '../kernel/types';
import { nsfsNs, type NsCommon } from '../fs/nsfs';
import { isNsLink } from '../fs/procfs';
import { pathLookupAt } from '../fs/namei';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

export interface NewfstatatArgs {
  readonly dfd: number;
  readonly path: string;
  /** AT_SYMLINK_NOFOLLOW (lstat), AT_EMPTY_PATH (fstat), AT_NO_AUTOMOUNT. */
  readonly flags: number;
}

/** The fields of struct stat that userspace compares: device, inode, file type. */
export interface Stat {
  /** "MAJOR:MINOR", as mountinfo prints it. */
  readonly st_dev: string;
  readonly st_ino: number;
  readonly st_mode: number;
}

/** A procfs magic link seen without following it (/proc/self/fd/N: the fd's file; /proc/PID/root: the task's root). */
export interface FdLink {
  readonly link: Path;
  /** The link's fd is an nsfs file (/proc/self/ns/user): it reads as "user:[INUM]", no path. */
  readonly ns?: NsCommon;
  /** The link is /proc/PID/ns/user or /proc/PID/ns/mnt itself: what it leads to is looked up only when read. */
  readonly nsLink?: Extract<ProcNode, { kind: 'ns-user' | 'ns-mnt' }>;
}

/**
 * The last component looked up without following it: procfs's fd entries and /proc/PID/root
 * are symlinks (magic links), everything else in the model is what the walk
 * finds. The walk itself always follows; this looks at the parent first.
 * Analogous to fs/namei.c:filename_lookup() without LOOKUP_FOLLOW.
 */
export function lookupNoFollow(k: Kernel, task: Task, dfd: number, name: string): SyscallResult<Path | FdLink> {
  const parent = pathLookupAt(k, task, dfd, name, { parent: true });
  const proc = parent.ok && !name.endsWith('/') ? parent.value.path.dentry.proc : undefined;
  if (parent.ok && proc?.kind === 'fd-dir') {
    const last = parent.value.last!;
    if (last !== '.' && last !== '..') {
      const file = /^\d+$/.test(last) ? task.files.get(Number(last)) : undefined;
      if (!file) return fail('ENOENT');
      const ns = nsfsNs(k, file.f_path.dentry);
      return ok(ns ? { link: file.f_path, ns } : { link: file.f_path });
    }
  }
  if (parent.ok && proc?.kind === 'ns-dir') {
    const entry = parent.value.path.dentry.children.get(parent.value.last!);
    if (entry && isNsLink(entry.proc)) return ok({ link: { mnt: parent.value.path.mnt, dentry: entry }, nsLink: entry.proc });
  }
  if (parent.ok && proc?.kind === 'pid' && parent.value.last === 'root') {
    const owner = k.tasks.get(proc.pid);
    return owner ? ok({ link: owner.root }) : fail('ENOENT');
  }
  const found = pathLookupAt(k, task, dfd, name, { emptyPath: false });
  return found.ok ? ok(found.value.path) : found;
}

function statOf(path: Path): Stat {
  const dentry = path.dentry;
  const type = dentry.kind === 'dir' ? S_IFDIR : dentry.d_sb.fstype === 'pipefs' ? S_IFIFO : S_IFREG;
  return { st_dev: dentry.d_sb.s_dev, st_ino: dentry.ino, st_mode: type };
}

/**
 * newfstatat(2) (stat, lstat, fstat): the checks of vfs_statx() in order:
 * unknown flags EINVAL, then the lookup's errno. An fd link seen with
 * AT_SYMLINK_NOFOLLOW is a symlink on proc's superblock.
 * Analogous to fs/stat.c:vfs_fstatat() -> vfs_statx() (6.18).
 */
export function newfstatat(k: Kernel, task: Task, args: NewfstatatArgs): SyscallResult<Stat> {
  return enterSyscall(k, task, 'newfstatat', () => {
    if (args.flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH)) return fail('EINVAL');
    if (args.path === '' && args.flags & AT_EMPTY_PATH) {
      const file = task.files.get(args.dfd); // vfs_fstat()
      return file ? ok(statOf(file.f_path)) : fail('EBADF');
    }
    if (args.flags & AT_SYMLINK_NOFOLLOW) {
      const found = lookupNoFollow(k, task, args.dfd, args.path);
      if (!found.ok) return found;
      if ('link' in found.value) {
        const parent = pathLookupAt(k, task, args.dfd, args.path, { parent: true });
        const sb = parent.ok ? parent.value.path.dentry.d_sb : found.value.link.dentry.d_sb;
        return ok({ st_dev: sb.s_dev, st_ino: 0, st_mode: S_IFLNK });
      }
      return ok(statOf(found.value));
    }
    const found = pathLookupAt(k, task, args.dfd, args.path);
    return found.ok ? ok(statOf(found.value.path)) : found;
  });
}
