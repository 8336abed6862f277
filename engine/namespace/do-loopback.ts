import { CL_COPY_MNT_NS_FILE, MNT_LOCKED } from '../kernel/constants';
import type { Dentry, Kernel, Mount, Path, Task } from '../kernel/types';
import { isSubdir } from '../fs/super';
import { isMntUnbindable } from '../pnode/pnode';
import { fail, ok, type SyscallResult } from '../result';
import { mayCopyTree } from './alloc';
import { cloneMnt, copyTree } from './clone-mnt';

/**
 * The copy a bind mount or open_tree(OPEN_TREE_CLONE) attaches: refused for
 * an unbindable source or one we may not copy; else one clone of the source
 * (flag 0: a peer of it if it is shared, a slave of its master if it is a
 * slave), or with `recursive` the whole tree below, unbindable submounts
 * left out. A plain bind of a mount with locked children is refused.
 * Analogous to fs/namespace.c:__do_loopback() (6.18).
 */
export function __doLoopback(k: Kernel, task: Task, oldPath: Path, recursive: boolean): SyscallResult<Mount> {
  const old = oldPath.mnt;
  if (isMntUnbindable(old)) return fail('EINVAL'); // mount(2) EINVAL: an unbindable source
  if (!mayCopyTree(k, task, old)) return fail('EINVAL'); // not ours (unmounted, foreign)
  if (!recursive && hasLockedChildren(old, oldPath.dentry)) return fail('EINVAL'); // would reveal what they cover
  const copied = recursive ? copyTree(k, old, oldPath.dentry, CL_COPY_MNT_NS_FILE) : ok(cloneMnt(k, old, oldPath.dentry, 0));
  if (copied.ok) copied.value.mnt_flags &= ~MNT_LOCKED; // the copy's root is ours to move or unmount
  return copied;
}

/**
 * Is a mount locked onto `mnt` at or below `dentry`? A plain bind copies
 * no submounts, so it would show the directories they cover.
 * Analogous to fs/namespace.c:__has_locked_children() (6.18).
 */
export function hasLockedChildren(mnt: Mount, dentry: Dentry): boolean {
  return mnt.mnt_mounts.some((child) => isSubdir(child.mnt_mountpoint, dentry) && (child.mnt_flags & MNT_LOCKED) !== 0);
}
