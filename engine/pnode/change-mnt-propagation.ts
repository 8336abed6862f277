import { MNT_UMOUNT, MNT_UNBINDABLE, MS_SHARED, MS_SLAVE, MS_UNBINDABLE, T_MARKED } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import { listDel } from '../kernel/list';
import type { Kernel, Mount } from '../kernel/types';
import { clearMntShared, isMntShared, mntReleaseGroupId, nextPeer, peerRingDel, peerRingEmpty, setMntShared, slaveListAddHead } from './pnode';

/** hlist_del_init(&m->mnt_slave), with the list named: the one `master` heads. */
function slaveListDelFrom(m: Mount, master: Mount | null): void {
  if (master) listDel(master.mnt_slave_list, m);
}

/**
 * Hand every slave of `mnt` to `to`: they keep their order and go in front
 * of to's own slaves (hlist_splice_init() at the head). With no `to` they
 * become private.
 * Analogous to fs/pnode.c:transfer_propagation() (6.18).
 */
function transferPropagation(mnt: Mount, to: Mount | null): void {
  if (mnt.mnt_slave_list.length === 0) return; // hlist_empty(): most mounts have no slaves
  const slaves = mnt.mnt_slave_list.splice(0);
  for (const m of slaves) m.mnt_master = to;
  if (to) to.mnt_slave_list.unshift(...slaves);
}

/**
 * mount --make-{shared,slave,private,unbindable} on one mount. MS_SHARED
 * only sets the flag (do_change_type() gave it a group id first). Anything
 * else takes it out of its peer group: its slaves, and for MS_SLAVE the
 * mount itself, go to the next peer (or, if it had none, to its own master).
 *
 * v4.19's do_make_slave() preferred a peer with the same root as the new
 * master and put the mount's slaves at the tail of that peer's list; 6.18
 * takes the next peer and the head. Both show the same master:N; only the
 * order later copies are made in (mount ids) can differ.
 * Analogous to fs/pnode.c:change_mnt_propagation() (6.18).
 */
export function changeMntPropagation(k: Kernel, mnt: Mount, type: number): void {
  traced(k, 'change_mnt_propagation', () => {
    let m = mnt.mnt_master;
    if (type === MS_SHARED) {
      setMntShared(mnt);
      return;
    }
    if (isMntShared(mnt)) {
      if (peerRingEmpty(mnt)) {
        mntReleaseGroupId(k, mnt);
      } else {
        m = nextPeer(mnt);
        peerRingDel(mnt);
        mnt.mnt_group_id = 0;
      }
      clearMntShared(mnt);
      transferPropagation(mnt, m);
    }
    slaveListDelFrom(mnt, mnt.mnt_master);
    if (type === MS_SLAVE) {
      mnt.mnt_master = m;
      if (m) slaveListAddHead(mnt, m);
    } else {
      mnt.mnt_master = null;
      if (type === MS_UNBINDABLE) mnt.mnt_flags |= MNT_UNBINDABLE;
      else mnt.mnt_flags &= ~MNT_UNBINDABLE;
    }
  }, { inline: true });
}

const willBeUnmounted = (m: Mount) => (m.mnt_flags & MNT_UMOUNT) !== 0;
const isMarked = (m: Mount) => (m.mnt_t_flags & T_MARKED) !== 0;

/**
 * Take `m` out of the propagation graph and find where its slaves should
 * go: its next peer, or if it had none its master; when that one is being
 * unmounted too, on along the same rule. On the way mnt_master is reused
 * to point at the next step ("destination"), and every mount passed is
 * MARKED.
 * Analogous to fs/pnode.c:trace_transfers() (6.18).
 */
function traceTransfers(k: Kernel, m: Mount): Mount | null {
  for (;;) {
    const oldMaster = m.mnt_master;
    let next: Mount | null = nextPeer(m);
    if (next !== m) {
      peerRingDel(m);
      m.mnt_group_id = 0;
      m.mnt_master = next;
    } else {
      if (isMntShared(m)) mntReleaseGroupId(k, m);
      next = m.mnt_master;
    }
    slaveListDelFrom(m, oldMaster);
    clearMntShared(m);
    m.mnt_t_flags |= T_MARKED;
    if (!next || !willBeUnmounted(next)) return next;
    if (isMarked(next)) return next.mnt_master;
    m = next;
  }
}

/** Point every step of the chain starting at `m` at its final destination. Analogous to fs/pnode.c:set_destinations(). */
function setDestinations(m: Mount, master: Mount | null): void {
  let next: Mount | null;
  while ((next = m.mnt_master) !== master) {
    m.mnt_master = master;
    m = next!;
  }
}

/**
 * Make every mount umount_tree() is taking away private at once, handing
 * each one's slaves to the nearest mount that stays (a surviving peer, or
 * a surviving master further up).
 * Analogous to fs/pnode.c:bulk_make_private() (6.18, "umount_tree(): take
 * all victims out of propagation graph at once"). v4.19 called
 * change_mnt_propagation(p, MS_PRIVATE) on each in turn, which can leave
 * slaves with a master that is about to go; the model uses 6.18's for all
 * variants.
 */
export function bulkMakePrivate(k: Kernel, set: readonly Mount[]): void {
  traced(k, 'bulk_make_private', () => {
    for (const m of set) if (!isMarked(m)) setDestinations(m, traceTransfers(k, m));
    for (const m of set) {
      transferPropagation(m, m.mnt_master);
      m.mnt_master = null;
      m.mnt_t_flags &= ~T_MARKED;
    }
  }, { inline: true });
}
