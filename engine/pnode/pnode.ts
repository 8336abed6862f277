// The propagation graph's small verbs (fs/pnode.h and the list primitives
// fs/pnode.c and fs/namespace.c use on it): peer rings (mnt_share), slave
// lists (mnt_slave_list, an hlist: head first), peer group ids.
//
// The graph, as Documentation/filesystems/sharedsubtree.rst draws it: the
// mounts of one peer group sit on one ring and share one mnt_group_id; a
// slave points at one member of the group it receives propagation from
// (mnt_master) and is on that member's slave list. A shared slave is both.

import { MNT_SHARED, MNT_UNBINDABLE } from '../kernel/constants';
import { listDel } from '../kernel/list';
import type { Kernel, Mount } from '../kernel/types';

/** IS_MNT_SHARED(). (6.18 keeps this bit in mnt_t_flags as T_SHARED; the model keeps v4.19's MNT_SHARED, as in the thread's "mnt_flags=1020".) */
export function isMntShared(m: Mount): boolean {
  return (m.mnt_flags & MNT_SHARED) !== 0;
}

/** IS_MNT_SLAVE(). */
export function isMntSlave(m: Mount): boolean {
  return m.mnt_master !== null;
}

/** IS_MNT_UNBINDABLE(). */
export function isMntUnbindable(m: Mount): boolean {
  return (m.mnt_flags & MNT_UNBINDABLE) !== 0;
}

/**
 * IS_MNT_NEW(): in no namespace, i.e. a copy propagate_mnt() made in this
 * very call (or an unmounted mount, which is private by then).
 * 6.18 (fs/pnode.h); 6.15 briefly counted anonymous namespaces too.
 */
export function isMntNew(m: Mount): boolean {
  return m.mnt_ns === null;
}

/** peers(): members of the same (nonzero) peer group. Analogous to fs/pnode.h:peers(). */
export function peers(a: Mount, b: Mount): boolean {
  return a.mnt_group_id === b.mnt_group_id && a.mnt_group_id !== 0;
}

/** set_mnt_shared(): shared, and no longer unbindable. Analogous to fs/pnode.h:set_mnt_shared(). */
export function setMntShared(m: Mount): void {
  m.mnt_flags &= ~MNT_UNBINDABLE;
  m.mnt_flags |= MNT_SHARED;
}

/** CLEAR_MNT_SHARED(). */
export function clearMntShared(m: Mount): void {
  m.mnt_flags &= ~MNT_SHARED;
}

/** next_peer(): the next mount on the peer ring (the mount itself when alone). Analogous to fs/pnode.c:next_peer(). */
export function nextPeer(m: Mount): Mount {
  return m.mnt_share.next;
}

/** list_empty(&m->mnt_share): no peers. */
export function peerRingEmpty(m: Mount): boolean {
  return m.mnt_share.next === m;
}

/** list_add(&m->mnt_share, &after->mnt_share): join the ring right after `after`. */
export function peerRingAddAfter(m: Mount, after: Mount): void {
  const next = after.mnt_share.next;
  m.mnt_share.prev = after;
  m.mnt_share.next = next;
  next.mnt_share.prev = m;
  after.mnt_share.next = m;
}

/** list_del_init(&m->mnt_share): leave the ring. */
export function peerRingDel(m: Mount): void {
  const { next, prev } = m.mnt_share;
  prev.mnt_share.next = next;
  next.mnt_share.prev = prev;
  m.mnt_share.next = m;
  m.mnt_share.prev = m;
}

/** The ring starting at `m`, in next_peer() order. */
export function peerRing(m: Mount): Mount[] {
  const out: Mount[] = [];
  let p = m;
  do {
    out.push(p);
    p = nextPeer(p);
  } while (p !== m);
  return out;
}

/** first_slave(): the head of the slave list. Analogous to fs/pnode.c:first_slave(). */
export function firstSlave(m: Mount): Mount | null {
  return m.mnt_slave_list[0] ?? null;
}

/** m->mnt_slave.next: the entry after `m` on its master's slave list, or null (the last, or not a slave). */
export function slaveNext(m: Mount): Mount | null {
  const list = m.mnt_master?.mnt_slave_list;
  if (!list) return null;
  return list[list.indexOf(m) + 1] ?? null;
}

/** hlist_del_init(&m->mnt_slave): off its master's slave list (mnt_master is the caller's to change). */
export function slaveListDel(m: Mount): void {
  const list = m.mnt_master?.mnt_slave_list;
  if (list) listDel(list, m);
}

/** hlist_add_head(&m->mnt_slave, &master->mnt_slave_list). */
export function slaveListAddHead(m: Mount, master: Mount): void {
  master.mnt_slave_list.unshift(m);
}

/** hlist_add_behind(&m->mnt_slave, &after->mnt_slave): right after `after` on its master's list. */
export function slaveListAddBehind(m: Mount, after: Mount): void {
  const list = after.mnt_master!.mnt_slave_list;
  list.splice(list.indexOf(after) + 1, 0, m);
}

/**
 * A new peer group id: the lowest free one, as ida_alloc_min(&mnt_group_ida, 1) gives.
 * Analogous to fs/namespace.c:mnt_alloc_group_id().
 */
export function mntAllocGroupId(k: Kernel, m: Mount): void {
  let id = 1;
  while (k.mnt_group_ida.has(id)) id++;
  k.mnt_group_ida.add(id);
  m.mnt_group_id = id;
}

/** Give the id back to the IDA. Analogous to fs/namespace.c:mnt_release_group_id(). */
export function mntReleaseGroupId(k: Kernel, m: Mount): void {
  k.mnt_group_ida.delete(m.mnt_group_id);
  m.mnt_group_id = 0;
}
