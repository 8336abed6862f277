import { CL_COPY_MNT_NS_FILE } from '../kernel/constants';
import type { Kernel, Mount, Path, Task } from '../kernel/types';
import { isMntUnbindable } from '../pnode/pnode';
import { fail, ok, type SyscallResult } from '../result';
import { mayCopyTree } from './alloc';
import { cloneMnt, copyTree } from './clone-mnt';

/**
 * The copy a bind mount or open_tree(OPEN_TREE_CLONE) attaches: refused for
 * an unbindable source or one we may not copy; else one clone of the source
 * (flag 0: a peer of it if it is shared, a slave of its master if it is a
 * slave), or with `recursive` the whole tree below, unbindable submounts
 * left out.
 * Analogous to fs/namespace.c:__do_loopback() (6.18).
 */
export function __doLoopback(k: Kernel, task: Task, oldPath: Path, recursive: boolean): SyscallResult<Mount> {
  const old = oldPath.mnt;
  if (isMntUnbindable(old)) return fail('EINVAL'); // mount(2) EINVAL: an unbindable source
  if (!mayCopyTree(k, task, old)) return fail('EINVAL'); // not ours (unmounted, foreign)
  if (recursive) return copyTree(k, old, oldPath.dentry, CL_COPY_MNT_NS_FILE);
  return ok(cloneMnt(k, old, oldPath.dentry, 0));
}
