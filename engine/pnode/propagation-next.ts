// Walking the propagation graph below a mount: every mount that receives
// propagation from `origin` (its peers, their slaves, the slaves' peers, ...)
// in the kernel's order, which is the order copies are made in and so the
// order their mount ids come in.

import type { Mount } from '../kernel/types';
import { firstSlave, isMntNew, nextPeer, peers, slaveNext } from './pnode';

/**
 * The next mount after `m` that is not one of m's slaves: the next peer
 * while we are in origin's own group, else the next slave of m's master,
 * else climb to the master and go on from there.
 * Analogous to fs/pnode.c:__propagation_next() (6.18).
 */
function propagationNextSkipping(m: Mount, origin: Mount): Mount | null {
  for (;;) {
    const master = m.mnt_master;
    if (master === origin.mnt_master) {
      const next = nextPeer(m);
      return next === origin ? null : next;
    }
    const sibling = slaveNext(m);
    if (sibling) return sibling;
    m = master!; // back at master
  }
}

/**
 * The next mount in the propagation tree of `origin`, after `m` (the one
 * seen last): m's first slave if it has any (and is not a copy this very
 * propagation made), else as propagationNextSkipping().
 * Analogous to fs/pnode.c:propagation_next() (6.18).
 */
export function propagationNext(m: Mount, origin: Mount): Mount | null {
  const slave = isMntNew(m) ? null : firstSlave(m);
  return slave ?? propagationNextSkipping(m, origin);
}

/**
 * Advance past everything that gets propagation from `m`: its slaves, and
 * the peers of m that follow it.
 * Analogous to fs/pnode.c:skip_propagation_subtree() (6.18).
 */
export function skipPropagationSubtree(m: Mount, origin: Mount): Mount | null {
  let p = propagationNextSkipping(m, origin);
  while (p && peers(m, p)) p = propagationNextSkipping(p, origin);
  return p;
}

/**
 * The first mount of the next peer group, depth first, among those that
 * receive propagation from `origin`'s group. Relies on a peer group being
 * a contiguous run of its master's slave list, in ring order.
 * Analogous to fs/pnode.c:next_group() (6.18).
 */
export function nextGroup(m: Mount, origin: Mount): Mount | null {
  for (;;) {
    for (;;) {
      const slave = isMntNew(m) ? null : firstSlave(m);
      if (slave) return slave;
      const next = nextPeer(m);
      if (m.mnt_group_id === origin.mnt_group_id) {
        if (next === origin) return null;
      } else if (slaveNext(m) !== next) {
        break;
      }
      m = next;
    }
    // m is the last peer of its group
    for (;;) {
      const master = m.mnt_master!;
      const sibling = slaveNext(m);
      if (sibling) return sibling;
      m = nextPeer(master);
      if (master.mnt_group_id === origin.mnt_group_id) break;
      if (slaveNext(master) === m) break;
      m = master;
    }
    if (m === origin) return null;
  }
}
