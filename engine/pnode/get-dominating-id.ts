import type { Dentry, Mount, MntNamespace, Path } from '../kernel/types';
import { isSubdir } from '../fs/super';
import { mntHasParent } from '../namespace/alloc';
import { nextPeer } from './pnode';

/**
 * Can `root` see (mnt, dentry)? Climb the mount tree from it to root's
 * mount, then ask whether the dentry reached lies under root's dentry.
 * Analogous to fs/namespace.c:is_path_reachable().
 */
export function isPathReachable(mnt: Mount, dentry: Dentry, root: Path): boolean {
  while (mnt !== root.mnt && mntHasParent(mnt)) {
    dentry = mnt.mnt_mountpoint;
    mnt = mnt.mnt_parent;
  }
  return mnt === root.mnt && isSubdir(dentry, root.dentry);
}

/** A peer of `mnt` in `ns` whose root `root` can see. Analogous to fs/pnode.c:get_peer_under_root(). */
function getPeerUnderRoot(mnt: Mount, ns: MntNamespace | null, root: Path): Mount | null {
  let m = mnt;
  do {
    // Check the namespace first for optimization
    if (m.mnt_ns === ns && isPathReachable(m, m.mnt_root, root)) return m;
    m = nextPeer(m);
  } while (m !== mnt);
  return null;
}

/**
 * The id of the closest peer group up `mnt`'s chain of masters that has a
 * member in mnt's namespace under `root`, or 0: what mountinfo prints as
 * propagate_from:N when it differs from master:N.
 * Analogous to fs/pnode.c:get_dominating_id().
 */
export function getDominatingId(mnt: Mount, root: Path): number {
  for (let m = mnt.mnt_master; m !== null; m = m.mnt_master) {
    const d = getPeerUnderRoot(m, mnt.mnt_ns, root);
    if (d) return d.mnt_group_id;
  }
  return 0;
}
