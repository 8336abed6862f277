// mount_hashtable: where path walks find the mount sitting on a dentry.
// The kernel hashes the pair (parent mount, mountpoint dentry); the model
// keys a map by the parent's mnt_id, then by the dentry's ino: small
// integers, which V8 hashes faster than a string made per lookup or an
// object's identity. Each chain holds the mounts on that pair, newest
// first. Emptied chains and maps stay until the parent is freed
// (forgetMntHash()): deleting the last entries of a Map makes V8 shrink it
// (a runtime call), which cost more than the rest of an unmount under many
// peers, and a mountpoint is often used again.

import { listDel } from '../kernel/list';
import type { Dentry, Kernel, Mount } from '../kernel/types';

/** The hash chain of (parent, dentry), newest first; empty if none. */
export function hashChain(k: Kernel, parent: Mount, dentry: Dentry): readonly Mount[] {
  return k.mount_hashtable.get(parent.mnt_id)?.get(dentry.ino) ?? [];
}

/**
 * The mount most recently attached on (parent, dentry), or null.
 * Analogous to fs/namespace.c:__lookup_mnt() (hlist_add_head + first match).
 */
export function lookupMnt(k: Kernel, parent: Mount, dentry: Dentry): Mount | null {
  const chain = k.mount_hashtable.get(parent.mnt_id)?.get(dentry.ino);
  return chain?.[0] ?? null;
}

/** Hash `mnt` under its mnt_parent and mnt_mountpoint. Part of __attach_mnt(). */
export function hashMnt(k: Kernel, mnt: Mount): void {
  let byDentry = k.mount_hashtable.get(mnt.mnt_parent.mnt_id);
  if (!byDentry) k.mount_hashtable.set(mnt.mnt_parent.mnt_id, (byDentry = new Map()));
  const chain = byDentry.get(mnt.mnt_mountpoint.ino);
  if (chain) chain.unshift(mnt);
  else byDentry.set(mnt.mnt_mountpoint.ino, [mnt]); // a one-slot array: most chains hold one mount
  mnt.hashed = true;
}

/** Take `mnt` out of the hash. Part of unhash_mnt(). */
export function unhashMnt(k: Kernel, mnt: Mount): void {
  if (!mnt.hashed) return;
  const byDentry = k.mount_hashtable.get(mnt.mnt_parent.mnt_id);
  const chain = byDentry?.get(mnt.mnt_mountpoint.ino);
  if (chain) listDel(chain, mnt);
  mnt.hashed = false;
}

/** Does any mount sit on (mnt, dentry)? */
export function isMountpoint(k: Kernel, mnt: Mount, dentry: Dentry): boolean {
  return lookupMnt(k, mnt, dentry) !== null;
}

/** A freed mount is nobody's parent: drop its (empty) part of the table. */
export function forgetMntHash(k: Kernel, mnt: Mount): void {
  k.mount_hashtable.delete(mnt.mnt_id);
}
