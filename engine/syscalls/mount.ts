import { AT_FDCWD, MNT_RELATIME, MNT_UNBINDABLE, MS_BIND, MS_MOVE, MS_REC, UMOUNT_SYNC } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Kernel, Mount, Path, Task } from '../kernel/types';
import { pathLookupAt } from '../fs/namei';
import { populateProc } from '../fs/procfs';
import { allocSuper } from '../fs/super';
import { allocVfsmnt, checkMnt, mayCopyTree } from '../namespace/alloc';
import { cloneMnt, copyTree } from '../namespace/clone-mnt';
import { doMoveMount } from '../namespace/do-move-mount';
import { attachRecursiveMnt, lockMount } from '../namespace/graft';
import { namespaceUnlock } from '../namespace/namespace-unlock';
import { mntputNoExpire } from '../namespace/refs';
import { umountTree } from '../namespace/umount-tree';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

export interface MountArgs {
  readonly source: string;
  readonly target: string;
  readonly fstype: string;
  readonly flags: number;
}

/** Filesystems this kernel knows (get_fs_type()); anything else is ENODEV. */
const FILESYSTEMS = new Set(['tmpfs', 'proc']);

/**
 * Attach a new mount (or tree) at `where`: both must be directories, or
 * both not. Analogous to fs/namespace.c:graft_tree().
 */
function graftTree(k: Kernel, mnt: Mount, where: Path): SyscallResult<0> {
  if ((where.dentry.kind === 'dir') !== (mnt.mnt_root.kind === 'dir')) return fail('ENOTDIR');
  attachRecursiveMnt(k, mnt, where, false);
  return ok(0);
}

/**
 * A new tmpfs or proc instance at `target`.
 * Analogous to fs/namespace.c:do_new_mount() + do_add_mount() (v4.19; 6.18).
 */
function doNewMount(k: Kernel, task: Task, target: Path, fstype: string, source: string): SyscallResult<0> {
  return traced(k, 'do_new_mount', () => {
    if (!FILESYSTEMS.has(fstype)) return fail('ENODEV'); // mount(2) ENODEV: unknown filesystem type
    const sb = allocSuper(k, fstype as 'tmpfs' | 'proc', source);
    const mnt = allocVfsmnt(k, sb, sb.s_root, MNT_RELATIME);
    if (fstype === 'proc') populateProc(k, sb);
    const result = add();
    namespaceUnlock(k);
    if (!result.ok) mntputNoExpire(k, mnt);
    return result;
    function add(): SyscallResult<0> {
      const locked = lockMount(k, target);
      if (!locked.ok) return locked;
      const parent = locked.value.mnt;
      if (!checkMnt(parent, task.mnt_ns)) return fail('EINVAL'); // do_add_mount: mounting into a tree that is not ours
      return graftTree(k, mnt, locked.value);
    }
  });
}

/**
 * A bind mount: a clone of the mount at `source` (with MS_REC, of the tree
 * below it) attached at `target`.
 * Analogous to fs/namespace.c:do_loopback() + __do_loopback() (v4.19; 6.18).
 */
function doLoopback(k: Kernel, task: Task, target: Path, sourceName: string, recursive: boolean): SyscallResult<0> {
  return traced(k, 'do_loopback', () => {
    if (sourceName === '') return fail('EINVAL');
    const found = pathLookupAt(k, task, AT_FDCWD, sourceName);
    if (!found.ok) return found;
    const old = found.value.path;
    let clone: Mount | null = null;
    const result = bind();
    if (!result.ok && clone) umountTree(k, clone, UMOUNT_SYNC);
    namespaceUnlock(k);
    return result;
    function bind(): SyscallResult<0> {
      const locked = lockMount(k, target);
      if (!locked.ok) return locked;
      if (!checkMnt(locked.value.mnt, task.mnt_ns)) return fail('EINVAL'); // target not ours
      if (old.mnt.mnt_flags & MNT_UNBINDABLE) return fail('EINVAL');
      if (!mayCopyTree(k, task, old.mnt)) return fail('EINVAL'); // source not ours
      clone = recursive ? copyTree(k, old.mnt, old.dentry) : cloneMnt(k, old.mnt, old.dentry);
      const grafted = graftTree(k, clone, locked.value);
      return grafted;
    }
  });
}

/**
 * mount(2): the target is resolved first, then the flags pick the operation:
 * MS_BIND (with MS_REC), MS_MOVE, or a new filesystem.
 * Analogous to fs/namespace.c:do_mount() / path_mount() (6.18).
 */
export function mount(k: Kernel, task: Task, args: MountArgs): SyscallResult<0> {
  return enterSyscall(k, task, 'mount', () => {
    const found = pathLookupAt(k, task, AT_FDCWD, args.target);
    if (!found.ok) return found;
    const target = found.value.path;
    if (args.flags & MS_BIND) return doLoopback(k, task, target, args.source, (args.flags & MS_REC) !== 0);
    if (args.flags & MS_MOVE) {
      return traced(k, 'do_move_mount_old', () => {
        if (args.source === '') return fail('EINVAL');
        const old = pathLookupAt(k, task, AT_FDCWD, args.source);
        if (!old.ok) return old;
        return doMoveMount(k, task.mnt_ns, old.value.path, target);
      });
    }
    return doNewMount(k, task, target, args.fstype, args.source);
  });
}
