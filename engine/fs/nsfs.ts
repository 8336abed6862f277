// nsfs, as far as user and mount namespaces go: /proc/PID/ns/user and
// /proc/PID/ns/mnt are magic links to files on nsfs's internal mount (which
// no namespace holds, like pipefs's), one file per namespace, named
// "user:[INUM]" or "mnt:[INUM]". Made on first use, so a transcript that
// never opens one has the same device and mount numbers.

import { MNT_INTERNAL } from '../kernel/constants';
import type { Dentry, Kernel, MntNamespace, Mount, Path, Task, UserNamespace } from '../kernel/types';
import { allocVfsmnt } from '../namespace/alloc';
import { allocSuper, newDentry } from './super';

/** What an nsfs file stands for (struct ns_common with its ns_type): the model has two types. */
export type NsCommon = { readonly type: 'user'; readonly ns: UserNamespace } | { readonly type: 'mnt'; readonly ns: MntNamespace };

/** init_user_ns's inode number (PROC_USER_INIT_INO); the model numbers the others after it. */
const PROC_USER_INIT_INO = 0xeffffffd;
/** proc_alloc_inum()'s first number (PROC_DYNAMIC_FIRST): a mount namespace's file is numbered from there. */
const PROC_DYNAMIC_FIRST = 0xf0000000;

const NSFS = new WeakMap<Kernel, { readonly mnt: Mount; readonly files: Map<object, Dentry>; readonly owners: Map<Dentry, NsCommon> }>();

/** The namespace file's inode number, as "user:[INUM]" or "mnt:[INUM]" shows it. */
export function nsInum(common: NsCommon): number {
  if (common.type === 'mnt') return PROC_DYNAMIC_FIRST + 0x1000 + common.ns.ns_id;
  return common.ns.parent === null ? PROC_USER_INIT_INO : PROC_USER_INIT_INO + 0x100 + common.ns.ns_id;
}

/** The name readlink gives a namespace file. Analogous to fs/nsfs.c:ns_dname() (6.18). */
export function nsName(ns: NsCommon): string {
  return `${ns.type}:[${nsInum(ns)}]`;
}

/**
 * The path /proc/PID/ns/user or /proc/PID/ns/mnt leads to: the namespace's
 * file on nsfs's internal mount. Analogous to fs/nsfs.c:ns_get_path() (6.18; nsfs is kern_mount()ed).
 */
export function nsGetPath(k: Kernel, common: NsCommon): Path {
  let fs = NSFS.get(k);
  if (!fs) {
    const sb = allocSuper(k, 'nsfs', 'nsfs');
    fs = { mnt: allocVfsmnt(k, sb, sb.s_root, MNT_INTERNAL), files: new Map(), owners: new Map() };
    NSFS.set(k, fs);
  }
  let dentry = fs.files.get(common.ns);
  if (!dentry) {
    dentry = newDentry(k, fs.mnt.mnt_sb.s_root, nsName(common), fs.mnt.mnt_sb, 'file');
    fs.files.set(common.ns, dentry);
    fs.owners.set(dentry, common);
  }
  return { mnt: fs.mnt, dentry };
}

/** The namespace an nsfs file stands for, if `dentry` is one (get_proc_ns()). */
export function nsfsNs(k: Kernel, dentry: Dentry): NsCommon | undefined {
  return NSFS.get(k)?.owners.get(dentry);
}

/** The user namespace an nsfs file stands for, if `dentry` is one of a user namespace. */
export function nsfsUserNs(k: Kernel, dentry: Dentry): UserNamespace | undefined {
  const ns = nsfsNs(k, dentry);
  return ns?.type === 'user' ? ns.ns : undefined;
}

/** Is `dentry` a mount namespace's nsfs file? Analogous to fs/namespace.c:is_mnt_ns_file() (6.18). */
export function isMntNsFile(k: Kernel, dentry: Dentry): boolean {
  return nsfsNs(k, dentry)?.type === 'mnt';
}

/**
 * Would mounting this mount namespace's file in the caller's namespace make
 * a loop (a namespace kept alive by a mount of itself, or of one that may
 * hold it)? Only the files of namespaces with larger ids than the caller's
 * may be mounted: its own, or one with a smaller id, is a loop.
 * Analogous to fs/namespace.c:mnt_ns_loop() (6.18).
 */
export function mntNsLoop(k: Kernel, task: Task, dentry: Dentry): boolean {
  const ns = nsfsNs(k, dentry);
  return ns?.type === 'mnt' && task.mnt_ns.ns_id >= ns.ns.ns_id;
}
