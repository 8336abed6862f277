// mount_hashtable: where path walks find the mount sitting on a dentry.
// As in the kernel, an array of hash chains (hlist heads), the chain index a
// hash of the pair (parent mount, mountpoint dentry) (m_hash()), and each
// mount linked into its chain through its own mnt_hash field (hlist_node),
// newest first. A lookup hashes two small integers and follows a short
// chain: no Map, no string, nothing allocated. (Before, a Map of Maps took
// two Map lookups per walk step, a quarter of an unmount under 1,000 peers,
// which looks under every peer three times.) The kernel sizes its table
// once at boot; the model's starts small and doubles as mounts are hashed,
// so that a forked explorer session copies only what it uses.

import type { Dentry, Kernel, Mount, MountHashtable } from '../kernel/types';
import { assert } from '../result';

/** Chains at boot (a power of two); the table doubles past one mount per chain. */
const INITIAL_BUCKETS = 64;

export function newMountHashtable(): MountHashtable {
  return { buckets: new Array<Mount | null>(INITIAL_BUCKETS).fill(null), count: 0 };
}

/**
 * The chain index of (parent, dentry): both ids mixed by multiplication (the
 * kernel mixes the two pointers), the top bits kept. Analogous to fs/namespace.c:m_hash().
 */
function mHash(table: MountHashtable, parent: Mount, dentry: Dentry): number {
  const mixed = Math.imul(parent.mnt_id ^ Math.imul(dentry.ino, 0x85ebca6b), 0x9e3779b1);
  return (mixed >>> 0) & (table.buckets.length - 1);
}

/** The mounts on (parent, dentry), newest first; empty if none. */
export function hashChain(k: Kernel, parent: Mount, dentry: Dentry): Mount[] {
  const table = k.mount_hashtable;
  const out: Mount[] = [];
  for (let m = table.buckets[mHash(table, parent, dentry)] ?? null; m; m = m.mnt_hash) if (m.mnt_parent === parent && m.mnt_mountpoint === dentry) out.push(m);
  return out;
}

/**
 * The mount most recently attached on (parent, dentry), or null.
 * Analogous to fs/namespace.c:__lookup_mnt() (hlist_add_head + first match).
 */
export function lookupMnt(k: Kernel, parent: Mount, dentry: Dentry): Mount | null {
  const table = k.mount_hashtable;
  for (let m = table.buckets[mHash(table, parent, dentry)] ?? null; m; m = m.mnt_hash) if (m.mnt_parent === parent && m.mnt_mountpoint === dentry) return m;
  return null;
}

/**
 * Twice the chains, each mount moved in its old chain's order: mounts on
 * one (parent, dentry) share a chain before and after, so they stay newest first.
 */
function grow(table: MountHashtable): void {
  const old = table.buckets;
  table.buckets = new Array<Mount | null>(old.length * 2).fill(null);
  const tails = new Array<Mount | null>(old.length * 2).fill(null);
  for (let head of old) {
    while (head) {
      const m: Mount = head;
      head = m.mnt_hash;
      m.mnt_hash = null;
      const i = mHash(table, m.mnt_parent, m.mnt_mountpoint);
      const tail = tails[i];
      if (tail) tail.mnt_hash = m;
      else table.buckets[i] = m;
      tails[i] = m;
    }
  }
}

/** Hash `mnt` under its mnt_parent and mnt_mountpoint, at the head of its chain. Part of __attach_mnt(). */
export function hashMnt(k: Kernel, mnt: Mount): void {
  const table = k.mount_hashtable;
  if (table.count >= table.buckets.length) grow(table);
  const i = mHash(table, mnt.mnt_parent, mnt.mnt_mountpoint);
  mnt.mnt_hash = table.buckets[i] ?? null;
  table.buckets[i] = mnt;
  table.count++;
  mnt.hashed = true;
}

/** Take `mnt` out of its chain (it must still have the parent and mountpoint it was hashed under). Part of unhash_mnt(). */
export function unhashMnt(k: Kernel, mnt: Mount): void {
  if (!mnt.hashed) return;
  const table = k.mount_hashtable;
  const i = mHash(table, mnt.mnt_parent, mnt.mnt_mountpoint);
  let m = table.buckets[i] ?? null;
  if (m === mnt) table.buckets[i] = mnt.mnt_hash;
  else {
    while (m && m.mnt_hash !== mnt) m = m.mnt_hash;
    assert(m, `mount ${mnt.mnt_id} is marked hashed but is not on its mount_hashtable chain`);
    m.mnt_hash = mnt.mnt_hash;
  }
  mnt.mnt_hash = null;
  table.count--;
  mnt.hashed = false;
}

/** Does any mount sit on (mnt, dentry)? */
export function isMountpoint(k: Kernel, mnt: Mount, dentry: Dentry): boolean {
  return lookupMnt(k, mnt, dentry) !== null;
}

/** Every hashed mount, chain by chain (for the invariant checks). */
export function* hashedMounts(k: Kernel): Generator<Mount> {
  for (const head of k.mount_hashtable.buckets) for (let m = head; m; m = m.mnt_hash) yield m;
}
