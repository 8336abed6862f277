import {
  MNT_LOCK_ATIME, MNT_LOCK_NODEV, MNT_LOCK_NOEXEC, MNT_LOCK_NOSUID, MNT_LOCK_READONLY, MNT_LOCKED,
  MNT_NODEV, MNT_NOEXEC, MNT_NOSUID, MNT_READONLY,
} from '../kernel/constants';
import type { Mount } from '../kernel/types';
import { subtree } from './alloc';

/**
 * A less privileged namespace gets the copied tree as found: every mount's
 * flags are locked (it may not remount them), and every mount but the
 * root is MNT_LOCKED to its parent, so that nothing it covers can be
 * revealed, by unmounting or moving it, to the new owner.
 * Used when a tree crosses into a namespace of another user namespace: copy_mnt_ns(), and
 * propagation (attach_recursive_mnt()). v4.19 also locked the root and
 * unlocked it on attach; 6.17 ("don't set MNT_LOCKED on parentless mounts")
 * skips it; the outcome is the same.
 * Analogous to fs/namespace.c:lock_mnt_tree() (6.17/6.18; mnt_expire is always empty here).
 */
export function lockMntTree(root: Mount): void {
  for (const p of subtree(root)) {
    let flags = p.mnt_flags | MNT_LOCK_ATIME;
    if (flags & MNT_READONLY) flags |= MNT_LOCK_READONLY;
    if (flags & MNT_NODEV) flags |= MNT_LOCK_NODEV;
    if (flags & MNT_NOSUID) flags |= MNT_LOCK_NOSUID;
    if (flags & MNT_NOEXEC) flags |= MNT_LOCK_NOEXEC;
    if (p !== root) flags |= MNT_LOCKED;
    p.mnt_flags = flags;
  }
}

