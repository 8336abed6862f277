import { MNT_CLONE_STRIPPED, MNT_DOOMED, MNT_SHARED, MNT_SYNC_UMOUNT, MNT_UNBINDABLE } from '../kernel/constants';
import type { Dentry, Kernel, Mount } from '../kernel/types';
import { isSubdir } from '../fs/super';
import { allocVfsmnt } from './alloc';
import { attachMnt } from './tree';

/**
 * Flags a clone does not inherit. v4.19 strips only WRITE_HOLD, MARKED and
 * INTERNAL; 6.x strips MNT_INTERNAL_FLAGS (also SHARED, DOOMED, SYNC_UMOUNT).
 * Neither strips MNT_UMOUNT or MNT_LOCKED.
 */
function strippedFlags(k: Kernel): number {
  return k.variant.detached === 'null-ns' ? MNT_CLONE_STRIPPED : MNT_CLONE_STRIPPED | MNT_SHARED | MNT_DOOMED | MNT_SYNC_UMOUNT;
}

/**
 * A new mount of the same superblock as `old`, rooted at `root`: count 1,
 * no parent, no namespace, private.
 * Analogous to fs/namespace.c:clone_mnt() (flag 0).
 */
export function cloneMnt(k: Kernel, old: Mount, root: Dentry): Mount {
  return allocVfsmnt(k, old.mnt_sb, root, old.mnt_flags & ~strippedFlags(k));
}

/**
 * Clone `mnt` at `dentry` and, recursively, the mounts below it, attached to
 * each other as in the source. Unbindable submounts are skipped.
 * Analogous to fs/namespace.c:copy_tree() (v4.19; CL_COPY_MNT_NS_FILE).
 */
export function copyTree(k: Kernel, mnt: Mount, dentry: Dentry): Mount {
  const root = cloneMnt(k, mnt, dentry);
  const copyChildren = (src: Mount, dst: Mount, under: Dentry | null) => {
    for (const child of src.mnt_mounts) {
      if (under && !isSubdir(child.mnt_mountpoint, under)) continue;
      if (child.mnt_flags & MNT_UNBINDABLE) continue;
      const copy = cloneMnt(k, child, child.mnt_root);
      attachMnt(k, copy, dst, child.mnt_mountpoint);
      copyChildren(child, copy, null);
    }
  };
  copyChildren(mnt, root, dentry);
  return root;
}
