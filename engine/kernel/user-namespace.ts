// User namespaces, as far as mounts care: creating one (unshare -U), and
// ns_capable() between them. Every model task is uid 0 of its user
// namespace with a full capability set (the dialect's `unshare` always maps
// root, -r), so being capable over a namespace is being in it or above it.

import { lookupMnt } from '../namespace/lookup-mnt';
import { fail, ok, type SyscallResult } from '../result';
import type { Kernel, Path, SuperBlock, Task, UserNamespace } from './types';

/** Nesting limit of user namespaces: a parent deeper than this gets ENOSPC (kernel/user_namespace.c). */
const MAX_USER_NS_LEVEL = 32;

/** Analogous to kernel/capability.c:ns_capable(ns, CAP_SYS_ADMIN), for a root task. */
export function nsCapable(task: Task, ns: UserNamespace): boolean {
  for (let n: UserNamespace | null = ns; n; n = n.parent) if (n === task.user_ns) return true;
  return false;
}

/**
 * CAP_SYS_ADMIN over the user namespace that owns the task's mount
 * namespace: what every mount-changing syscall asks first. It fails only
 * for a task that made a user namespace without a mount namespace of its
 * own (unshare(CLONE_NEWUSER) alone; the dialect's unshare never does).
 * Analogous to fs/namespace.c:may_mount().
 */
export function mayMount(task: Task): boolean {
  return nsCapable(task, task.mnt_ns.user_ns);
}

/**
 * CAP_SYS_ADMIN over a superblock, as force-unmounting it or remounting it
 * read-only asks: in its user namespace (6.18, as the live kernel shows), or
 * in the initial one (v4.19's capable(), which can_umount() kept for years).
 */
export function capableOverSb(k: Kernel, task: Task, sb: SuperBlock): boolean {
  return nsCapable(task, k.variant.has('force-umount-sb-userns') ? sb.s_user_ns : k.init_user_ns);
}

/**
 * Is the task's root somewhere other than the top of its namespace's root
 * (a chroot, or a mount stacked on "/" since)? The top is found by going
 * down from the namespace root through whatever is mounted on each root.
 * Analogous to fs/namespace.c:current_chrooted() (6.18).
 */
export function currentChrooted(k: Kernel, task: Task): boolean {
  let top: Path = { mnt: task.mnt_ns.root, dentry: task.mnt_ns.root.mnt_root };
  for (let next = lookupMnt(k, top.mnt, top.dentry); next; next = lookupMnt(k, top.mnt, top.dentry)) {
    top = { mnt: next, dentry: next.mnt_root }; // follow_down_one()
  }
  return top.mnt !== task.root.mnt || top.dentry !== task.root.dentry;
}

/**
 * A child of the task's user namespace. A chrooted task may not make one:
 * it would be root over a namespace in which it could escape the chroot.
 * Analogous to kernel/user_namespace.c:create_user_ns() (6.18).
 */
export function createUserNs(k: Kernel, task: Task): SyscallResult<UserNamespace> {
  const parent = task.user_ns;
  if (parent.level > MAX_USER_NS_LEVEL) return fail('ENOSPC');
  if (currentChrooted(k, task)) return fail('EPERM'); // unshare(2) EPERM: "the caller is in a chroot environment"
  return ok({ ns_id: ++k.ids.ns, parent, level: parent.level + 1 });
}
