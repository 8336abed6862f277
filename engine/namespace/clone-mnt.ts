import { UMOUNT_SYNC, CL_COPY_MNT_NS_FILE, CL_COPY_UNBINDABLE, CL_MAKE_SHARED, CL_PRIVATE, CL_SLAVE, MNT_DOOMED, MNT_INTERNAL, MNT_LOCKED, MNT_SHARED, MNT_SYNC_UMOUNT, MNT_UNBINDABLE } from '../kernel/constants';
import type { Dentry, Kernel, Mount } from '../kernel/types';
import { isMntNsFile, nsfsNs } from '../fs/nsfs';
import { isSubdir } from '../fs/super';
import { isMntSlave, isMntUnbindable, mntAllocGroupId, peerRingAddAfter, peers, setMntShared, slaveListAddBehind, slaveListAddHead } from '../pnode/pnode';
import type { Errno } from '../errno';
import { fail, ok, type SyscallResult } from '../result';
import { umountTree } from './umount-tree';
import { allocVfsmnt } from './alloc';
import { attachMnt } from './tree';

/**
 * Flags a clone does not inherit. v4.19 strips only WRITE_HOLD, MARKED and
 * INTERNAL; 6.x strips MNT_INTERNAL_FLAGS (also DOOMED, SYNC_UMOUNT, and
 * since 6.17 MNT_LOCKED, which copy_tree() puts back on submounts; v4.19's
 * __do_loopback() unlocked the root instead). Neither strips MNT_UMOUNT.
 * MNT_SHARED is never copied as such: it follows the group id below (v4.19
 * copies the bit and then clears it in exactly the cases that leave no
 * group id). "Unbindable" differs: v4.19 copies MNT_UNBINDABLE, while 6.18
 * keeps it apart from mnt_flags and clone_mnt() leaves it behind, so an
 * unbindable mount copied by unshare(CLONE_NEWNS) (CL_COPY_UNBINDABLE) is
 * unbindable on v4.19 and not on 6.18, as the live 6.18 kernel shows.
 */
function strippedFlags(k: Kernel): number {
  const v419 = 0x200 /* MNT_WRITE_HOLD */ | 0x4000000 /* MNT_MARKED */ | MNT_INTERNAL;
  if (!k.variant.has('clone-mnt-internal-flags')) return v419 | MNT_SHARED;
  return v419 | MNT_SHARED | MNT_UNBINDABLE | MNT_DOOMED | MNT_SYNC_UMOUNT | MNT_LOCKED;
}

/**
 * A new mount of the same superblock as `old`, rooted at `root`: count 1,
 * no parent, no namespace. Its place in the propagation graph follows
 * `flag`: CL_PRIVATE none; CL_SLAVE a slave of old (if old is in a peer
 * group); otherwise a peer of old (right after it on the ring) and a slave
 * of old's master (right after old on that slave list). CL_MAKE_SHARED
 * gives it a group of its own if that left it without one.
 * Analogous to fs/namespace.c:clone_mnt() (6.18).
 */
export function cloneMnt(k: Kernel, old: Mount, root: Dentry, flag: number): Mount {
  const mnt = allocVfsmnt(k, old.mnt_sb, root, old.mnt_flags & ~strippedFlags(k));
  const ns = nsfsNs(k, root);
  if (ns?.type === 'mnt') ns.ns.count++; // dget(root): a mount of a namespace's file keeps the namespace, as an open one does
  mnt.mnt_idmap = old.mnt_idmap;
  mnt.mnt_group_id = flag & (CL_SLAVE | CL_PRIVATE) ? 0 : old.mnt_group_id; // not a peer of original
  if (flag & CL_MAKE_SHARED && !mnt.mnt_group_id) mntAllocGroupId(k, mnt);
  if (mnt.mnt_group_id) setMntShared(mnt);
  if (flag & CL_PRIVATE) return mnt; // we are done with it
  if (peers(mnt, old)) peerRingAddAfter(mnt, old);
  if (flag & CL_SLAVE && old.mnt_group_id) {
    slaveListAddHead(mnt, old);
    mnt.mnt_master = old;
  } else if (isMntSlave(old)) {
    slaveListAddBehind(mnt, old);
    mnt.mnt_master = old.mnt_master;
  }
  return mnt;
}

/**
 * Clone `mnt` at `dentry` and, in next_mnt() pre-order, the mounts below
 * it, attached to each other as in the source. Without CL_COPY_UNBINDABLE
 * an unbindable root is refused and unbindable submounts are skipped with
 * everything below them.
 * Without CL_COPY_MNT_NS_FILE (a new namespace's copy, propagation), a
 * mount namespace's file mounted in the tree is left out with everything
 * below it, and a tree rooted on one is EINVAL: a copy must not keep a
 * namespace alive from a place it cannot see.
 * Analogous to fs/namespace.c:copy_tree() (6.18).
 */
export function copyTree(k: Kernel, mnt: Mount, dentry: Dentry, flag: number): SyscallResult<Mount> {
  if (!(flag & CL_COPY_UNBINDABLE) && isMntUnbindable(mnt)) return fail('EINVAL');
  if (!(flag & CL_COPY_MNT_NS_FILE) && isMntNsFile(k, dentry)) return fail('EINVAL');
  const root = cloneMnt(k, mnt, dentry, flag);
  const copyChildren = (src: Mount, dst: Mount, under: Dentry | null): Errno | null => {
    for (const child of [...src.mnt_mounts]) {
      if (under && !isSubdir(child.mnt_mountpoint, under)) continue;
      if (!(flag & CL_COPY_UNBINDABLE) && isMntUnbindable(child)) {
        if (child.mnt_flags & MNT_LOCKED) return 'EPERM'; // skipping it would reveal what it covers
        continue;
      }
      if (!(flag & CL_COPY_MNT_NS_FILE) && isMntNsFile(k, child.mnt_root)) continue; // skip_mnt_tree()
      const copy = cloneMnt(k, child, child.mnt_root, flag);
      if (child.mnt_flags & MNT_LOCKED) copy.mnt_flags |= MNT_LOCKED;
      attachMnt(k, copy, dst, child.mnt_mountpoint);
      const error = copyChildren(child, copy, null);
      if (error) return error;
    }
    return null;
  };
  const error = copyChildren(mnt, root, dentry);
  if (!error) return ok(root);
  umountTree(k, root, UMOUNT_SYNC); // out: what was copied so far goes
  return fail(error);
}
