// procfs, as far as the transcripts reach into it: /proc/self/fd/N (magic
// links to an open file's path, resolved by the path walk) and
// /proc/self/mountinfo (rendered by observe/mountinfo.ts), the id-map
// files unshare -r writes, /proc/self/ns/user (an fd on it names a user
// namespace, as mount_setattr's MOUNT_ATTR_IDMAP asks), and /proc/PID/root
// (a magic link to a task's root).

import type { Dentry, Kernel, Path, ProcNode, SuperBlock, Task } from '../kernel/types';
import { nsCapable } from '../kernel/user-namespace';
import { fail, ok, type SyscallResult } from '../result';
import { nsGetPath } from './nsfs';
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
  newDentry(k, ns, 'mnt', sb, 'file', { kind: 'ns-mnt' });
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
    const ns = newDentry(k, dir, 'ns', procRoot.d_sb, 'dir', { kind: 'ns-dir' });
    newDentry(k, ns, 'user', procRoot.d_sb, 'file', { kind: 'ns-user', pid });
    newDentry(k, ns, 'mnt', procRoot.d_sb, 'file', { kind: 'ns-mnt', pid });
    dirs.set(pid, dir);
  }
  return dir;
}

/** A /proc/PID/ns entry (PID absent: /proc/self/ns), a magic link to a namespace's nsfs file. */
export function isNsLink(node: ProcNode | undefined): node is Extract<ProcNode, { kind: 'ns-user' | 'ns-mnt' }> {
  return node?.kind === 'ns-user' || node?.kind === 'ns-mnt';
}

/**
 * May `caller` look at `target`'s namespaces? Every task here is root, dumpable and has the
 * same capabilities, so what decides is the user namespace: the same one, or
 * one the caller is capable over (CAP_SYS_PTRACE there). A task in a new user
 * namespace may not look at its parent's tasks.
 * Analogous to kernel/ptrace.c:__ptrace_may_access() + security/commoncap.c:cap_ptrace_access_check() (6.18), reduced.
 */
export function ptraceMayAccess(caller: Task, target: Task): boolean {
  return caller === target || caller.user_ns === target.user_ns || nsCapable(caller, target.user_ns);
}

/**
 * Follow /proc/PID/ns/user or /proc/PID/ns/mnt: the task's namespace file
 * on nsfs. A task that is gone, or one the caller may not look at, is EACCES.
 * Analogous to fs/proc/namespaces.c:proc_ns_get_link() (6.18).
 */
export function procNsGetLink(k: Kernel, caller: Task, node: Extract<ProcNode, { kind: 'ns-user' | 'ns-mnt' }>): SyscallResult<Path> {
  const target = node.pid === undefined ? caller : k.tasks.get(node.pid);
  if (!target || !ptraceMayAccess(caller, target)) return fail('EACCES');
  return ok(nsGetPath(k, node.kind === 'ns-user' ? { type: 'user', ns: target.user_ns } : { type: 'mnt', ns: target.mnt_ns }));
}
