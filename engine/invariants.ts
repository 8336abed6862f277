// The model's own invariants, checked after every command: a failure here
// is a bug in mountspec (thrown as EngineBug), never a kernel outcome. The
// kernel's invariants, which the buggy variants break on purpose, are
// reported by observe/snapshot.ts:kernelInvariantViolations() instead.

import { MNT_UMOUNT } from './kernel/constants';
import type { Kernel, Mount } from './kernel/types';
import { isMntShared, isMntUnbindable, peerRing, peerRingEmpty } from './pnode/pnode';
import { mntHasParent } from './namespace/alloc';
import { hashChain, hashedMounts } from './namespace/lookup-mnt';
import { assert } from './result';

export function checkInvariants(k: Kernel): void {
  for (const m of k.mounts) {
    assert(!m.freed, `mount ${m.mnt_id} is freed but still listed`);
    assert(mntHasParent(m) || m.mnt_mountpoint === m.mnt_root, `parentless mount ${m.mnt_id} has a mountpoint`);
    if (m.hashed) {
      assert(mntHasParent(m), `mount ${m.mnt_id} is hashed without a parent`);
      assert(m.mnt_parent.mnt_mounts.includes(m), `hashed mount ${m.mnt_id} is missing from its parent's mnt_mounts`);
      assert(hashChain(k, m.mnt_parent, m.mnt_mountpoint).includes(m), `hashed mount ${m.mnt_id} is missing from mount_hashtable`);
    }
    for (const child of m.mnt_mounts) assert(child.mnt_parent === m, `mount ${child.mnt_id} is listed under ${m.mnt_id} but its parent is ${child.mnt_parent.mnt_id}`);
    if (m.mnt_ns) assert(m.mnt_ns.mounts.has(m), `mount ${m.mnt_id} names namespace ${m.mnt_ns.ns_id}, which does not list it`);
  }
  let chained = 0;
  for (const m of hashedMounts(k)) {
    chained++;
    assert(m.hashed, `mount ${m.mnt_id} is on a mount_hashtable chain but not marked hashed`);
    assert(hashChain(k, m.mnt_parent, m.mnt_mountpoint).includes(m), `mount ${m.mnt_id} is on a mount_hashtable chain it does not hash to`);
  }
  assert(chained === k.mount_hashtable.count, `mount_hashtable counts ${k.mount_hashtable.count} mounts but its chains hold ${chained}`);
  checkPropagationInvariants(k);
  for (const ns of k.namespaces) for (const m of ns.mounts) assert(m.mnt_ns === ns, `namespace ${ns.ns_id} lists mount ${m.mnt_id}, which names another`);
  assert(k.frames.length === 0, `the call stack did not unwind: ${k.frames.join(' < ')}`);
  assert(k.unmounted.length === 0 && k.unmountedMounts.length === 0, 'namespace_unlock() left mounts on the unmounted list');
}

/**
 * The propagation graph's own invariants (fs/pnode.c relies on each):
 * - the peer ring is symmetric (next.prev and prev.next lead back), and its
 *   members share one nonzero mnt_group_id and are all MNT_SHARED;
 * - a shared mount has a group id, a private one none, and no two peer
 *   groups share an id; the IDA holds exactly the ids in use;
 * - a slave's master is in a peer group and lists it, once; whoever is on a
 *   slave list names that master; a mount is never its own master, nor
 *   shared and unbindable at once;
 * - peers among one master's slaves form one contiguous run ("peer groups
 *   form contiguous segments of slave lists", which next_group() needs);
 * - an unmounted mount (MNT_UMOUNT, no namespace) is out of the graph
 *   (umount_tree() made it private, do_change_type() refuses it; v4.19 let
 *   it become shared again, alone);
 * - the scratch bits (T_MARKED, T_UMOUNT_CANDIDATE) are clear between syscalls.
 */
function checkPropagationInvariants(k: Kernel): void {
  const groupOwner = new Map<number, Mount>();
  for (const m of k.mounts) {
    const id = m.mnt_id;
    assert(m.mnt_share.next.mnt_share.prev === m && m.mnt_share.prev.mnt_share.next === m, `peer ring of mount ${id} is not symmetric`);
    assert(isMntShared(m) === (m.mnt_group_id !== 0), `mount ${id} is ${isMntShared(m) ? '' : 'not '}MNT_SHARED but has group id ${m.mnt_group_id}`);
    assert(!(isMntShared(m) && isMntUnbindable(m)), `mount ${id} is both shared and unbindable`);
    assert(m.mnt_t_flags === 0, `mount ${id} still has propagation scratch bits ${m.mnt_t_flags}`);
    if (m.mnt_group_id) {
      assert(k.mnt_group_ida.has(m.mnt_group_id), `group id ${m.mnt_group_id} of mount ${id} is not allocated in mnt_group_ida`);
      const ring = peerRing(m);
      for (const p of ring) assert(p.mnt_group_id === m.mnt_group_id, `mount ${p.mnt_id} on the peer ring of ${id} has group ${p.mnt_group_id}, not ${m.mnt_group_id}`);
      const owner = groupOwner.get(m.mnt_group_id);
      if (owner) assert(ring.includes(owner), `group id ${m.mnt_group_id} names two peer groups (mounts ${owner.mnt_id} and ${id})`);
      else groupOwner.set(m.mnt_group_id, m);
    } else {
      assert(peerRingEmpty(m), `private mount ${id} is on a peer ring`);
    }
    if (m.mnt_master) {
      const master = m.mnt_master;
      assert(master !== m, `mount ${id} is its own master`);
      assert(master.mnt_group_id !== 0, `mount ${id} is a slave of ${master.mnt_id}, which is in no peer group`);
      assert(master.mnt_slave_list.filter((s) => s === m).length === 1, `mount ${id} names ${master.mnt_id} as master, which does not list it once`);
    }
    for (const s of m.mnt_slave_list) assert(s.mnt_master === m, `mount ${s.mnt_id} is on the slave list of ${id} but names ${s.mnt_master?.mnt_id ?? 'no'} master`);
    const seen = new Set<number>();
    let last = 0;
    for (const s of m.mnt_slave_list) {
      if (s.mnt_group_id && s.mnt_group_id !== last) {
        assert(!seen.has(s.mnt_group_id), `peer group ${s.mnt_group_id} is not one contiguous run of the slave list of ${id}`);
        seen.add(s.mnt_group_id);
      }
      last = s.mnt_group_id;
    }
    if (m.mnt_flags & MNT_UMOUNT && !m.mnt_ns) {
      // v4.19's do_change_type() can still make an unmounted mount shared:
      // a peer group of its own (a kernel bug the snapshot reports), never more.
      const leaked = !k.variant.has('do-change-type-refuses-unmounted') && peerRingEmpty(m);
      assert(!m.mnt_master && m.mnt_slave_list.length === 0 && (!m.mnt_group_id || leaked), `unmounted mount ${id} is still in the propagation graph`);
    }
  }
  // v4.19 leaks the id of a freed mount it made shared after its unmount.
  if (k.variant.has('do-change-type-refuses-unmounted')) for (const g of k.mnt_group_ida) assert(groupOwner.has(g), `group id ${g} is allocated but no mount has it`);
}
