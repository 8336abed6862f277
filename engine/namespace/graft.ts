import type { Kernel, Mount, Path } from '../kernel/types';
import { fail, ok, type SyscallResult } from '../result';
import { isMounted } from './alloc';
import { mntputNoExpire } from './refs';
import { attachMnt, commitTree, mntSetMountpoint, unhashFromParent } from './tree';

/**
 * The place a mount goes: the topmost mount on the target path (the walk has
 * already crossed into it). 6.x also refuses a target that is not mounted
 * any more (inside an unmounted or dissolved tree) with ENOENT.
 * Analogous to fs/namespace.c:lock_mount() / do_lock_mount() (v4.19; 6.18).
 */
export function lockMount(k: Kernel, path: Path): SyscallResult<Path> {
  if (k.variant.detached === 'anon-ns' && !isMounted(path.mnt)) return fail('ENOENT');
  return ok(path);
}

/**
 * Attach `source` (and its tree) at `dest`. A source that already has a
 * parent is moved (detach_mnt + attach_mnt); otherwise it is a new or
 * detached tree that joins dest's namespace (mnt_set_mountpoint + commit_tree).
 * Shared destinations would propagate copies; peer groups are not modelled yet.
 * Analogous to fs/namespace.c:attach_recursive_mnt() (v4.19; 6.18).
 */
export function attachRecursiveMnt(k: Kernel, source: Mount, dest: Path, moving: boolean): void {
  if (moving) {
    const oldParent = source.mnt_parent;
    unhashFromParent(k, source, { saveExMountpoint: false });
    attachMnt(k, source, dest.mnt, dest.dentry);
    // path_put(&parent_path) in do_move_mount(): the R3 reference on the old parent.
    if (k.variant.childrenPinParents) mntputNoExpire(k, oldParent);
    return;
  }
  const anon = source.mnt_ns?.anon ? source.mnt_ns : null;
  mntSetMountpoint(k, dest.mnt, dest.dentry, source);
  commitTree(k, source);
  if (anon) k.emptied_ns = anon; // 6.17: freed in namespace_unlock()
}
