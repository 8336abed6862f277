// nsfs, as far as user namespaces go: /proc/self/ns/user is a magic link to
// a file on nsfs's internal mount (which no namespace holds, like pipefs's),
// one file per namespace, named "user:[INUM]". Made on first use, so a
// transcript that never opens one has the same device and mount numbers.

import { MNT_INTERNAL } from '../kernel/constants';
import type { Dentry, Kernel, Mount, Path, UserNamespace } from '../kernel/types';
import { allocVfsmnt } from '../namespace/alloc';
import { allocSuper, newDentry } from './super';

/** init_user_ns's inode number (PROC_USER_INIT_INO); the model numbers the others after it. */
const PROC_USER_INIT_INO = 0xeffffffd;

const NSFS = new WeakMap<Kernel, { readonly mnt: Mount; readonly files: Map<UserNamespace, Dentry>; readonly owners: Map<Dentry, UserNamespace> }>();

/** The namespace file's inode number, as "user:[INUM]" shows it. */
export function nsInum(ns: UserNamespace): number {
  return ns.parent === null ? PROC_USER_INIT_INO : PROC_USER_INIT_INO + 0x100 + ns.ns_id;
}

/**
 * The path /proc/self/ns/user leads to for a task of `ns`: its file on
 * nsfs's internal mount. Analogous to fs/nsfs.c:ns_get_path() (6.18; nsfs is kern_mount()ed).
 */
export function nsGetPath(k: Kernel, ns: UserNamespace): Path {
  let fs = NSFS.get(k);
  if (!fs) {
    const sb = allocSuper(k, 'nsfs', 'nsfs');
    fs = { mnt: allocVfsmnt(k, sb, sb.s_root, MNT_INTERNAL), files: new Map(), owners: new Map() };
    NSFS.set(k, fs);
  }
  let dentry = fs.files.get(ns);
  if (!dentry) {
    dentry = newDentry(k, fs.mnt.mnt_sb.s_root, `user:[${nsInum(ns)}]`, fs.mnt.mnt_sb, 'file');
    fs.files.set(ns, dentry);
    fs.owners.set(dentry, ns);
  }
  return { mnt: fs.mnt, dentry };
}

/** The user namespace an nsfs file stands for, if `dentry` is one. */
export function nsfsUserNs(k: Kernel, dentry: Dentry): UserNamespace | undefined {
  return NSFS.get(k)?.owners.get(dentry);
}
