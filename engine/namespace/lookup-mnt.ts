// mount_hashtable: where path walks find the mount sitting on a dentry.

import type { Dentry, Kernel, Mount } from '../kernel/types';

function hashKey(parent: Mount, dentry: Dentry): string {
  return `${parent.mnt_id}/${dentry.ino}`;
}

/**
 * The mount most recently attached on (parent, dentry), or null.
 * Analogous to fs/namespace.c:__lookup_mnt() (hlist_add_head + first match).
 */
export function lookupMnt(k: Kernel, parent: Mount, dentry: Dentry): Mount | null {
  const chain = k.mount_hashtable.get(hashKey(parent, dentry));
  return chain?.[0] ?? null;
}

/** Hash `mnt` under its mnt_parent and mnt_mountpoint. Part of __attach_mnt(). */
export function hashMnt(k: Kernel, mnt: Mount): void {
  const key = hashKey(mnt.mnt_parent, mnt.mnt_mountpoint);
  const chain = k.mount_hashtable.get(key);
  if (chain) chain.unshift(mnt);
  else k.mount_hashtable.set(key, [mnt]); // a one-slot array: most chains hold one mount
  mnt.hashed = true;
}

/** Take `mnt` out of the hash. Part of unhash_mnt(). */
export function unhashMnt(k: Kernel, mnt: Mount): void {
  if (!mnt.hashed) return;
  const key = hashKey(mnt.mnt_parent, mnt.mnt_mountpoint);
  const chain = (k.mount_hashtable.get(key) ?? []).filter((m) => m !== mnt);
  if (chain.length) k.mount_hashtable.set(key, chain);
  else k.mount_hashtable.delete(key);
  mnt.hashed = false;
}

/** Does any mount sit on (mnt, dentry)? */
export function isMountpoint(k: Kernel, mnt: Mount, dentry: Dentry): boolean {
  return lookupMnt(k, mnt, dentry) !== null;
}
