import { AT_EMPTY_PATH, AT_NO_AUTOMOUNT, AT_RECURSIVE, AT_SYMLINK_NOFOLLOW, OPEN_TREE_CLOEXEC, OPEN_TREE_CLONE } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { File, Kernel, Mount, Task } from '../kernel/types';
import { allocFile, fdInstall, fput, unusedFd } from '../fs/file';
import { pathLookupAt } from '../fs/namei';
import { allocMntNs, subtree } from '../namespace/alloc';
import { __doLoopback } from '../namespace/do-loopback';
import { namespaceUnlock } from '../namespace/namespace-unlock';
import { mntget, mntputNoExpire } from '../namespace/refs';
import { fail, ok, type SyscallResult } from '../result';
import { mayMount } from '../kernel/user-namespace';
import { enterSyscall } from './entry';

export interface OpenTreeArgs {
  readonly dfd: number;
  readonly path: string;
  readonly flags: number;
}

const VALID = AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_RECURSIVE | AT_SYMLINK_NOFOLLOW | OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC;

/**
 * Copy the mount (or with AT_RECURSIVE the tree) at `source` into a detached
 * tree. ver #12 leaves it with no namespace at all; 5.2+ puts it in a new
 * anonymous namespace whose root reference (R6) stands for "being mounted".
 * Analogous to fs/namespace.c:open_detached_copy() + __do_loopback() (6.18; ver #12 per the thread).
 */
function detachedCopy(k: Kernel, task: Task, source: { mnt: Mount; dentry: Mount['mnt_root'] }, recursive: boolean): SyscallResult<Mount> {
  return traced(k, 'open_detached_copy', () => {
    const result = copy();
    namespaceUnlock(k);
    return result;
    function copy(): SyscallResult<Mount> {
      const copied = __doLoopback(k, task, source, recursive);
      if (!copied.ok) return copied;
      const clone = copied.value;
      if (k.variant.has('anon-ns-detached-trees')) {
        const ns = allocMntNs(k, task.mnt_ns.user_ns, true, clone);
        // 6.15+: remember where the tree came from (a copy of a copy inherits it).
        const from = source.mnt.mnt_ns;
        if (from) ns.seq_origin = from.anon ? from.seq_origin : from.ns_id;
        for (const m of subtree(clone)) {
          m.mnt_ns = ns;
          ns.mounts.add(m);
        }
        mntget(k, clone); // R6: the anonymous namespace's root
      }
      return ok(clone);
    }
  });
}

/**
 * What open_tree(2) and open_tree_attr(2) open, before it has an fd: an
 * O_PATH file on a path, or with OPEN_TREE_CLONE on a detached copy of it,
 * marked FMODE_NEED_UNMOUNT so its last close dissolves the copy.
 * Analogous to fs/namespace.c:vfs_open_tree() (6.15+; the body of SYSCALL_DEFINE3(open_tree) in 5.2).
 */
export function vfsOpenTree(k: Kernel, task: Task, args: OpenTreeArgs): SyscallResult<File> {
  if (args.flags & ~VALID) return fail('EINVAL'); // open_tree(2) EINVAL: unknown flag
  if (args.flags & AT_RECURSIVE && !(args.flags & OPEN_TREE_CLONE)) return fail('EINVAL'); // AT_RECURSIVE needs OPEN_TREE_CLONE
  if (args.flags & OPEN_TREE_CLONE && !mayMount(task)) return fail('EPERM'); // a plain open_tree needs no privilege
  const found = pathLookupAt(k, task, args.dfd, args.path, { emptyPath: (args.flags & AT_EMPTY_PATH) !== 0 });
  if (!found.ok) return found;
  const { path } = found.value;
  if (!(args.flags & OPEN_TREE_CLONE)) return ok(allocFile(k, path, { oPath: true }));
  const copied = detachedCopy(k, task, path, (args.flags & AT_RECURSIVE) !== 0);
  if (!copied.ok) return copied;
  const clone = copied.value;
  const file = allocFile(k, { mnt: clone, dentry: clone.mnt_root }, { oPath: true, needUnmount: true });
  mntputNoExpire(k, clone); // the creator's reference (R1) passes to the file
  return ok(file);
}

/**
 * open_tree(2): vfs_open_tree(), then the file gets the lowest free fd.
 * Analogous to fs/namespace.c:SYSCALL_DEFINE3(open_tree) (5.2 / 6.18).
 */
export function openTree(k: Kernel, task: Task, args: OpenTreeArgs): SyscallResult<number> {
  return enterSyscall(k, task, 'open_tree', () => {
    const opened = vfsOpenTree(k, task, args);
    if (!opened.ok) return opened;
    const fd = unusedFd(task);
    if (!fd.ok) {
      fput(k, task, opened.value); // no fd for it: the file goes (its last put dissolves a clone)
      return fd;
    }
    fdInstall(task, fd.value, opened.value);
    return fd;
  });
}
