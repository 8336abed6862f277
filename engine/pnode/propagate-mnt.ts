import { CL_MAKE_SHARED, CL_SLAVE, T_MARKED } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Dentry, Kernel, Mount } from '../kernel/types';
import { isSubdir } from '../fs/super';
import { copyTree } from '../namespace/clone-mnt';
import { mntSetMountpoint } from '../namespace/tree';
import { ok, type SyscallResult } from '../result';
import { isMntNew, isMntShared, nextPeer, peers } from './pnode';
import { nextGroup } from './propagation-next';

const isMarked = (m: Mount) => (m.mnt_t_flags & T_MARKED) !== 0;
const setMark = (m: Mount) => void (m.mnt_t_flags |= T_MARKED);
const clearMark = (m: Mount) => void (m.mnt_t_flags &= ~T_MARKED);

/**
 * Does `m` get a copy? Not if this propagation made it, not if the
 * mountpoint is outside what m shows (m binds a subdirectory that does not
 * contain it), and not inside a detached tree (6.16+, 3b5260d12b1f "Don't
 * propagate mounts into detached trees").
 * Analogous to fs/pnode.c:need_secondary() (6.18).
 */
function needSecondary(m: Mount, destMp: Dentry): boolean {
  if (isMntNew(m)) return false;
  if (!isSubdir(destMp, m.mnt_root)) return false;
  if (m.mnt_ns?.anon) return false;
  return true;
}

/**
 * The copy that `m`'s group should be a slave of: climb m's masters to the
 * first one that got a copy (it is MARKED), then walk back from the last
 * copy made, along its masters, to the copy made for that one.
 * Analogous to fs/pnode.c:find_master() (6.18).
 */
function findMaster(m: Mount, lastCopy: Mount, original: Mount): Mount {
  let p: Mount | null;
  // ascend until there's a copy for something with the same master
  for (;;) {
    p = m.mnt_master;
    if (!p || isMarked(p)) break;
    m = p;
  }
  while (!peers(lastCopy, original)) {
    const parent = lastCopy.mnt_parent;
    if (parent.mnt_master === p) {
      if (!peers(parent, m)) lastCopy = lastCopy.mnt_master!;
      break;
    }
    lastCopy = lastCopy.mnt_master!;
  }
  return lastCopy;
}

/**
 * Secondary copies of the tree `source` for every mount that receives
 * propagation from `dest`, group by group, depth first: peers of dest get
 * peers of source (CL_MAKE_SHARED), each slave group gets slaves of the
 * copy its master got (CL_SLAVE, and shared too if the group is). Each
 * copy points at its new parent and mountpoint but is not yet in the tree;
 * they are returned in tree_list order (hlist_add_head: newest first) for
 * attach_recursive_mnt() to commit.
 *
 * The copies are made here, in this order, so their mount ids (and
 * mountinfo's order) follow the peer ring (clone_mnt() puts a new peer
 * right after the one it copies) and the slave lists (head first).
 *
 * v4.19 got the same order from propagate_one() over peers, then
 * next_group(); only its bookkeeping (last_dest/last_source) differs.
 * Analogous to fs/pnode.c:propagate_mnt() (6.18).
 */
export function propagateMnt(k: Kernel, dest: Mount, destMp: Dentry, source: Mount, treeList: Mount[]): SyscallResult<0> {
  return traced(k, 'propagate_mnt', () => {
    let err: SyscallResult<0> = ok(0);
    if (dest.mnt_master) setMark(dest.mnt_master);
    let copy = source;
    // iterate over peer groups, depth first
    for (let m: Mount | null = dest; m && err.ok; m = nextGroup(m, dest)) {
      let type: number;
      let n: Mount;
      if (m === dest) {
        // have one for dest itself
        copy = source;
        type = CL_MAKE_SHARED;
        n = nextPeer(m);
        if (n === m) continue;
      } else {
        type = CL_SLAVE;
        // beginning of peer group among the slaves?
        if (isMntShared(m)) type |= CL_MAKE_SHARED;
        n = m;
      }
      do {
        if (!needSecondary(n, destMp)) continue;
        if (type & CL_SLAVE) copy = findMaster(n, copy, source); // first in this peer group
        const made = copyTree(k, copy, copy.mnt_root, type);
        if (!made.ok) {
          err = made;
          break;
        }
        const self = made.value;
        mntSetMountpoint(k, n, destMp, self);
        if (n.mnt_master) setMark(n.mnt_master);
        copy = self;
        treeList.unshift(self);
        type = CL_MAKE_SHARED;
      } while ((n = nextPeer(n)) !== m);
    }
    for (const n of treeList) if (n.mnt_parent.mnt_master) clearMark(n.mnt_parent.mnt_master);
    if (dest.mnt_master) clearMark(dest.mnt_master);
    return err;
  });
}
