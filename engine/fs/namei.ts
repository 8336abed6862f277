// Path walk: from the task's root or cwd (or a dirfd), one component at a
// time, crossing into mounts on the way (follow_mount) and out of them on
// "..", with procfs's /proc/self/fd/N magic links jumping to a file's path.
// The walk takes no references: a caller that keeps the path calls pathGet().

import { AT_FDCWD, MNT_NOSYMFOLLOW, NAME_MAX, PATH_MAX } from '../kernel/constants';
import type { Dentry, Kernel, Mount, Path, Task } from '../kernel/types';
import { mntHasParent } from '../namespace/alloc';
import { lookupMnt } from '../namespace/lookup-mnt';
import { isNsLink, procNsGetLink, procPidDir } from './procfs';
import { fail, ok, type SyscallResult } from '../result';

export interface LookupOptions {
  /** AT_EMPTY_PATH: "" names the dirfd itself. */
  readonly emptyPath?: boolean;
  /** Stop before the last component: return its parent directory and the name. */
  readonly parent?: boolean;
  /**
   * umount(2)'s lookup, which it drops with mntput_no_expire(): the final
   * mount keeps its expiry mark. Every other lookup ends in path_put(),
   * whose mntput() clears it.
   */
  readonly keepExpiryMark?: boolean;
  /**
   * LOOKUP_FOLLOW (the default): a /proc/self/fd/N magic link in the last
   * component is followed. Without it the walk ends on the link itself, a
   * non-directory in proc that is no mount's root (move_mount(2) without
   * MOVE_MOUNT_T_SYMLINKS, mount_setattr(2) with AT_SYMLINK_NOFOLLOW).
   */
  readonly follow?: boolean;
}

/** Cross into whatever is mounted on `path`, to the topmost mount. Analogous to fs/namei.c:follow_mount(). */
export function followMount(k: Kernel, path: Path): Path {
  let cur = path;
  for (let m = lookupMnt(k, cur.mnt, cur.dentry); m; m = lookupMnt(k, cur.mnt, cur.dentry)) cur = { mnt: m, dentry: m.mnt_root };
  return cur;
}

function samePath(a: Path, b: Path): boolean {
  return a.mnt === b.mnt && a.dentry === b.dentry;
}

/**
 * "..": stay at the task's root; at a mount's root, climb to where it is
 * mounted; a parentless mount's root (a detached or unmounted tree) is as far
 * as it goes. Analogous to fs/namei.c:follow_dotdot() + choose_mountpoint() (6.x).
 */
function followDotdot(k: Kernel, task: Task, path: Path): Path {
  if (samePath(path, task.root)) return followMount(k, path);
  let mnt: Mount = path.mnt;
  let dentry: Dentry = path.dentry;
  while (dentry === mnt.mnt_root) {
    if (!mntHasParent(mnt)) return followMount(k, path);
    dentry = mnt.mnt_mountpoint;
    mnt = mnt.mnt_parent;
    if (mnt === task.root.mnt && dentry === task.root.dentry) return followMount(k, { mnt, dentry });
  }
  return followMount(k, { mnt, dentry: dentry.d_parent ?? dentry });
}

/** The path a dirfd or AT_FDCWD starts from. */
function startAt(task: Task, dfd: number): SyscallResult<Path> {
  if (dfd === AT_FDCWD) return ok(task.pwd);
  const file = task.files.get(dfd);
  if (!file) return fail('EBADF');
  return ok(file.f_path);
}

/**
 * One step into a procfs directory. Magic links jump (nd_jump_link()): an
 * fd entry to the file's path, /proc/PID/root to that task's root
 * (proc_root_link(); the caller is root, so ptrace_may_access() allows it).
 */
function procStep(k: Kernel, task: Task, at: Path, name: string): SyscallResult<Path> {
  const proc = at.dentry.proc!;
  if (proc.kind === 'fd-dir') {
    if (!/^\d+$/.test(name)) return fail('ENOENT');
    const file = task.files.get(Number(name));
    return file ? ok(file.f_path) : fail('ENOENT');
  }
  if (proc.kind === 'pid' && name === 'root') {
    const owner = k.tasks.get(proc.pid);
    return owner ? ok(owner.root) : fail('ENOENT'); // the task has exited
  }
  const child = at.dentry.children.get(name) ?? (proc.kind === 'root' ? procPidDir(k, at.dentry, name) : null);
  return child ? ok({ mnt: at.mnt, dentry: child }) : fail('ENOENT');
}

/** A magic link itself (/proc/self/fd/N, /proc/PID/root), as a walk that does not follow it ends on: a non-directory that is no mount's root. */
function magicLink(fdDir: Dentry, name: string): Dentry {
  return { ino: 0, name, d_parent: fdDir, d_sb: fdDir.d_sb, kind: 'file', children: new Map() };
}


/**
 * A path as getname() copies it in from user space: PATH_MAX bytes or
 * more (the NUL would not fit) is ENAMETOOLONG, whatever the path names.
 * Analogous to fs/namei.c:getname_flags() (6.18).
 */
export function getnameTooLong(name: string): boolean {
  // A UTF-16 unit is at most 3 bytes of UTF-8: short names skip the count.
  return name.length >= PATH_MAX / 3 && Buffer.byteLength(name) >= PATH_MAX;
}

/**
 * A name the directory's ->lookup() refuses: tmpfs (simple_lookup()) says
 * ENAMETOOLONG past NAME_MAX bytes. procfs's lookups only know their own
 * names, so anything else there is ENOENT.
 */
function nameTooLong(dir: Dentry, name: string): boolean {
  // As in getnameTooLong(), short names skip the count.
  return !dir.proc && name.length > NAME_MAX / 3 && Buffer.byteLength(name) > NAME_MAX;
}

/** `viaLink`: the last component was a procfs magic link (/proc/self/fd/N, /proc/PID/root), followed. */
export type LookupResult = { readonly path: Path; readonly last?: string; readonly viaLink?: boolean };

/**
 * Resolve `name` for `task`. With `parent`, returns the parent directory and
 * the last component (which need not exist), as mkdir and creat need.
 * Analogous to fs/namei.c:filename_lookup() / filename_parentat() (6.x).
 */
export function pathLookupAt(k: Kernel, task: Task, dfd: number, name: string, options: LookupOptions = {}): SyscallResult<LookupResult> {
  if (getnameTooLong(name)) return fail('ENAMETOOLONG');
  if (name === '') {
    if (!options.emptyPath) return fail('ENOENT');
    const start = startAt(task, dfd);
    if (start.ok && !options.keepExpiryMark) start.value.mnt.mnt_expiry_mark = false; // the caller's path_put()
    return start.ok ? ok({ path: start.value }) : start;
  }
  let cur: Path;
  if (name.startsWith('/')) cur = task.root;
  else {
    const start = startAt(task, dfd);
    if (!start.ok) return start;
    cur = start.value;
  }
  const parts = name.split('/').filter((p) => p !== '');
  const trailingSlash = name.endsWith('/') && parts.length > 0;
  if (options.parent) {
    const last = parts.pop();
    if (last === undefined) return fail('EEXIST'); // "/" has no parent to create in
    const dir = walk(k, task, cur, parts);
    if (!dir.ok) return dir;
    if (dir.value.path.dentry.kind !== 'dir') return fail('ENOTDIR');
    // The caller's lookup of the last component (filename_create()'s) would refuse it.
    if (last !== '.' && last !== '..' && nameTooLong(dir.value.path.dentry, last)) return fail('ENAMETOOLONG');
    return ok({ path: dir.value.path, last });
  }
  const found = walk(k, task, cur, parts, options.follow ?? true);
  if (!found.ok) return found;
  if (trailingSlash && found.value.path.dentry.kind !== 'dir') return fail('ENOTDIR');
  if (!options.keepExpiryMark) found.value.path.mnt.mnt_expiry_mark = false; // the caller's path_put()
  return ok(found.value.viaLink ? { path: found.value.path, viaLink: true } : { path: found.value.path });
}

function walk(k: Kernel, task: Task, start: Path, parts: readonly string[], followLast = true): SyscallResult<{ path: Path; viaLink: boolean }> {
  let cur = start;
  let viaLink = false;
  for (const [i, part] of parts.entries()) {
    if (cur.dentry.kind !== 'dir') return fail('ENOTDIR');
    viaLink = false;
    if (part === '.') continue;
    if (part === '..') {
      cur = followDotdot(k, task, cur);
      continue;
    }
    if (cur.dentry.proc) {
      viaLink = cur.dentry.proc.kind === 'fd-dir' || (cur.dentry.proc.kind === 'pid' && part === 'root');
      const next = procStep(k, task, cur, part);
      if (viaLink && next.ok && !followLast && i === parts.length - 1) return ok({ path: { mnt: cur.mnt, dentry: magicLink(cur.dentry, part) }, viaLink: false });
      if (!next.ok) return next;
      // /proc/self, /proc/self/fd/N and /proc/PID/ns/* are symlinks: a
      // nosymfollow mount (5.10+) refuses to follow any (pick_link(): ELOOP).
      const nsLink = next.value.dentry.proc;
      const link = viaLink || nsLink?.kind === 'self' || isNsLink(nsLink);
      const following = followLast || i < parts.length - 1;
      if (link && following && cur.mnt.mnt_flags & MNT_NOSYMFOLLOW) return fail('ELOOP');
      // A magic link lands on the file's own path; nothing is crossed after a jump.
      if (isNsLink(nsLink) && following) {
        const ns = procNsGetLink(k, task, nsLink);
        if (!ns.ok) return ns;
        cur = ns.value;
      } else cur = next.value;
      continue;
    }
    const child = cur.dentry.children.get(part);
    if (!child) return fail(nameTooLong(cur.dentry, part) ? 'ENAMETOOLONG' : 'ENOENT'); // lookup_slow(): the filesystem's ->lookup()
    cur = followMount(k, { mnt: cur.mnt, dentry: child });
  }
  return ok({ path: cur, viaLink });
}

/**
 * Walk from `path` up to `root`, naming components: the path as seen from
 * root, and whether root was reached (false for a detached or unmounted tree,
 * where the walk stops at that tree's own root).
 * Analogous to fs/d_path.c:prepend_path().
 */
function prependPath(path: Path, root: Path): { readonly text: string; readonly reachable: boolean } {
  const names: string[] = [];
  let mnt = path.mnt;
  let dentry = path.dentry;
  let reachable = true;
  while (mnt !== root.mnt || dentry !== root.dentry) {
    if (dentry === mnt.mnt_root) {
      if (!mntHasParent(mnt)) {
        reachable = false;
        break;
      }
      dentry = mnt.mnt_mountpoint;
      mnt = mnt.mnt_parent;
      continue;
    }
    if (!dentry.d_parent) {
      reachable = false;
      break;
    }
    names.unshift(dentry.name);
    dentry = dentry.d_parent;
  }
  return { text: `/${names.join('/')}`, reachable };
}

/** The path of `path` as seen from `root` (getcwd, mountinfo), or null when root cannot reach it. */
export function pathFromRoot(path: Path, root: Path): string | null {
  const { text, reachable } = prependPath(path, root);
  return reachable ? text : null;
}

/**
 * What readlink("/proc/self/fd/N") says for a file's path: the kernel
 * ignores prepend_path()'s "unreachable" answer here, so a detached tree's
 * root reads as "/". Analogous to fs/d_path.c:d_path() (6.x).
 */
export function dPath(path: Path, root: Path): string {
  return prependPath(path, root).text;
}
