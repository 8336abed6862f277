// procfs, as far as the transcripts reach into it: /proc/self/fd/N (magic
// links to an open file's path, resolved by the path walk) and
// /proc/self/mountinfo (rendered by observe/mountinfo.ts), the id-map
// files unshare -r writes, /proc/self/ns/user (an fd on it names a user
// namespace, as mount_setattr's MOUNT_ATTR_IDMAP asks), and /proc/PID/root
// (a magic link to a task's root).

import type { Dentry, Kernel, SuperBlock } from '../kernel/types';
import { newDentry } from './super';

/** Each proc instance's /proc/PID directories, made on first lookup (the kernel makes them per lookup too). */
const pidDirs = new WeakMap<Dentry, Map<number, Dentry>>();

/** The fixed nodes of a new proc instance. */
export function populateProc(k: Kernel, sb: SuperBlock): void {
  const self = newDentry(k, sb.s_root, 'self', sb, 'dir', { kind: 'self' });
  newDentry(k, self, 'fd', sb, 'dir', { kind: 'fd-dir' });
  newDentry(k, self, 'mountinfo', sb, 'file', { kind: 'mountinfo' });
  for (const name of ['uid_map', 'gid_map', 'setgroups']) newDentry(k, self, name, sb, 'file', { kind: 'id-map' });
  const ns = newDentry(k, self, 'ns', sb, 'dir', { kind: 'ns-dir' });
  newDentry(k, ns, 'user', sb, 'file', { kind: 'ns-user' });
}

/**
 * /proc/PID for a task that exists, or null: a directory holding only
 * `root`. It is not among the root's children, so listing /proc shows the
 * fixed nodes alone. Analogous to fs/proc/base.c:proc_pid_lookup() (6.18),
 * which finds the task in the instance's PID namespace (the model has one).
 */
export function procPidDir(k: Kernel, procRoot: Dentry, name: string): Dentry | null {
  if (!/^[1-9]\d*$/.test(name)) return null;
  const pid = Number(name);
  if (!k.tasks.has(pid)) return null;
  let dirs = pidDirs.get(procRoot);
  if (!dirs) pidDirs.set(procRoot, (dirs = new Map()));
  let dir = dirs.get(pid);
  if (!dir) {
    dir = { ino: ++k.ids.ino, name, d_parent: procRoot, d_sb: procRoot.d_sb, kind: 'dir', children: new Map(), proc: { kind: 'pid', pid } };
    newDentry(k, dir, 'root', procRoot.d_sb, 'dir', { kind: 'pid-root', pid });
    dirs.set(pid, dir);
  }
  return dir;
}
