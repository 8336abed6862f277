// Linking mounts into and out of the tree: the small verbs of fs/namespace.c
// that attach and detach.

import { listDel } from '../kernel/list';
import type { Dentry, Kernel, Mount, MntNamespace } from '../kernel/types';
import { subtree } from './alloc';
import { hashMnt, unhashMnt } from './lookup-mnt';
import { mntget } from './refs';

/**
 * Point `child` at (parent, mp). Up to 6.16 the child pins its parent (R3).
 * Analogous to fs/namespace.c:mnt_set_mountpoint().
 */
export function mntSetMountpoint(k: Kernel, parent: Mount, mp: Dentry, child: Mount): void {
  if (!k.variant.has('children-dont-pin-parents')) mntget(k, parent);
  child.mnt_parent = parent;
  child.mnt_mountpoint = mp;
}

/**
 * Hash it and list it among the parent's children (at the tail); 6.17+
 * also notes a child on the parent's root as the parent's overmount.
 * Analogous to fs/namespace.c:make_visible() (6.18; __attach_mnt() before).
 */
export function attachMntLinks(k: Kernel, mnt: Mount): void {
  const parent = mnt.mnt_parent;
  if (mnt.mnt_mountpoint === parent.mnt_root) parent.overmount = mnt;
  hashMnt(k, mnt);
  parent.mnt_mounts.push(mnt);
}

/** Analogous to fs/namespace.c:attach_mnt(). */
export function attachMnt(k: Kernel, mnt: Mount, parent: Mount, mp: Dentry): void {
  mntSetMountpoint(k, parent, mp, mnt);
  attachMntLinks(k, mnt);
}

/**
 * Put a new tree into its parent's namespace and link its root in.
 * Analogous to fs/namespace.c:commit_tree().
 */
export function commitTree(k: Kernel, mnt: Mount): void {
  const ns = mnt.mnt_parent.mnt_ns as MntNamespace;
  for (const m of subtree(mnt)) {
    if (m.mnt_ns && m.mnt_ns !== ns) m.mnt_ns.mounts.delete(m);
    m.mnt_ns = ns;
    ns.mounts.add(m);
  }
  attachMntLinks(k, mnt);
}

/**
 * Make `mnt` parentless: off the hash, off its parent's child list. The
 * reference it held on the parent (R3) is the caller's to deal with.
 * Analogous to fs/namespace.c:unhash_mnt() (v4.19), and umount_mnt() when
 * `saveExMountpoint` (≤5.2: drop_mountpoint() puts the old mountpoint later).
 */
export function unhashFromParent(k: Kernel, mnt: Mount, options: { saveExMountpoint: boolean }): void {
  if (options.saveExMountpoint) mnt.mnt_ex_mountpoint = mnt.mnt_mountpoint;
  if (mnt.mnt_parent.overmount === mnt) mnt.mnt_parent.overmount = null;
  unhashMnt(k, mnt);
  removeChild(mnt);
  mnt.mnt_parent = mnt;
  mnt.mnt_mountpoint = mnt.mnt_root;
}

/** list_del_init(&mnt->mnt_child). */
export function removeChild(mnt: Mount): void {
  listDel(mnt.mnt_parent.mnt_mounts, mnt);
}

/**
 * Move `mnt` (with everything on it) to (parent, mp): off its old parent's
 * child list and hash chain, onto the new one. Up to 6.16 the reference
 * it held on the old parent (R3) moves to the new one.
 * Analogous to fs/namespace.c:mnt_change_mountpoint() (6.18; ≤6.16 with the counts).
 */
export function mntChangeMountpoint(k: Kernel, parent: Mount, mp: Dentry, mnt: Mount): void {
  const oldParent = mnt.mnt_parent;
  removeChild(mnt);
  unhashMnt(k, mnt);
  attachMnt(k, mnt, parent, mp);
  if (!k.variant.has('children-dont-pin-parents')) oldParent.mnt_count--; // mnt_add_count(old_parent, -1)
}

/**
 * list_del_init(&p->mnt_child) for every mount of the subtree at `top`
 * (`mounts`, as subtree() gathered it): every child of one of them is one
 * of them, so each of their lists empties, and `top` leaves its parent's.
 * Linear, with no set of the mounts (a Set of 100,000 was a quarter of a
 * umount -l of that many).
 */
export function removeSubtreeChildren(top: Mount, mounts: readonly Mount[]): void {
  for (const p of mounts) if (p.mnt_mounts.length > 0) p.mnt_mounts.length = 0;
  removeChild(top); // a parentless top is its own parent, whose list is empty by now
}
