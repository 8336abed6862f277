import {
  AT_FDCWD, MNT_ATIME_MASK, MNT_NOATIME, MNT_NODEV, MNT_NODIRATIME, MNT_NOEXEC, MNT_NOSUID, MNT_READONLY, MNT_RELATIME, MS_BIND, MS_MOVE,
  MS_NOATIME, MS_NODEV, MS_NODIRATIME, MS_NOEXEC, MS_NOSUID, MS_NOSYMFOLLOW, MNT_NOSYMFOLLOW, MS_PROPAGATION, MS_RDONLY, MS_REC, MS_RELATIME, MS_REMOUNT, MS_SHARED,
  MS_SILENT, MS_STRICTATIME, UMOUNT_SYNC,
} from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Kernel, Mount, Path, Task } from '../kernel/types';
import { pathLookupAt } from '../fs/namei';
import { populateProc } from '../fs/procfs';
import { allocSuper } from '../fs/super';
import { allocVfsmnt, checkMnt, isMounted, subtree } from '../namespace/alloc';
import { __doLoopback } from '../namespace/do-loopback';
import { mntNsLoop } from '../fs/nsfs';
import { doMoveMount } from '../namespace/do-move-mount';
import { doReconfigureMnt } from '../namespace/do-reconfigure-mnt';
import { attachRecursiveMnt, inventGroupIds, lockMount } from '../namespace/graft';
import { changeMntPropagation } from '../pnode/change-mnt-propagation';
import { namespaceUnlock } from '../namespace/namespace-unlock';
import { mntputNoExpire } from '../namespace/refs';
import { umountTree } from '../namespace/umount-tree';
import { fail, ok, type SyscallResult } from '../result';
import { mayMount, nsCapable } from '../kernel/user-namespace';
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
  return attachRecursiveMnt(k, mnt, where);
}

/**
 * A new tmpfs or proc instance at `target`.
 * Analogous to fs/namespace.c:do_new_mount() + do_add_mount() (v4.19; 6.18).
 */
function doNewMount(k: Kernel, task: Task, target: Path, fstype: string, source: string): SyscallResult<0> {
  return traced(k, 'do_new_mount', () => {
    if (!FILESYSTEMS.has(fstype)) return fail('ENODEV'); // mount(2) ENODEV: unknown filesystem type
    // mount_capable(): tmpfs belongs to whoever mounts it (FS_USERNS_MOUNT);
    // proc to the user namespace of the PID namespace it shows, which here is always the initial one.
    if (fstype === 'proc' && !nsCapable(task, k.init_user_ns)) return fail('EPERM');
    const sb = allocSuper(k, fstype as 'tmpfs' | 'proc', source, fstype === 'proc' ? k.init_user_ns : task.user_ns);
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
    if (mntNsLoop(k, task, old.dentry)) return fail('EINVAL'); // a mount namespace's own (or a newer one's) file
    let clone: Mount | null = null;
    const result = bind();
    if (!result.ok && clone) umountTree(k, clone, UMOUNT_SYNC);
    namespaceUnlock(k);
    return result;
    function bind(): SyscallResult<0> {
      const locked = lockMount(k, target);
      if (!locked.ok) return locked;
      if (!checkMnt(locked.value.mnt, task.mnt_ns)) return fail('EINVAL'); // target not ours
      const copied = __doLoopback(k, task, old, recursive);
      if (!copied.ok) return copied;
      clone = copied.value;
      return graftTree(k, clone, locked.value);
    }
  });
}

/**
 * What a propagation request asks for: exactly one of MS_SHARED, MS_PRIVATE,
 * MS_SLAVE, MS_UNBINDABLE (MS_REC and MS_SILENT aside), else 0.
 * Analogous to fs/namespace.c:flags_to_propagation_type().
 */
function flagsToPropagationType(msFlags: number): number {
  const type = msFlags & ~(MS_REC | MS_SILENT);
  if (type & ~MS_PROPAGATION) return 0; // fail if any non-propagation flags are set
  if (type === 0 || (type & (type - 1)) !== 0) return 0; // only one propagation flag should be set
  return type;
}

/**
 * mount --make-{shared,slave,private,unbindable} (and with MS_REC the
 * whole tree below, in next_mnt() order): the path must be the root of a
 * mount (EINVAL), and the mount must be mounted (EINVAL for one a lazy
 * umount or the last close of a clone took away). v4.19 changed the type of
 * any mount it was pointed at; 6.16 ("do_change_type(): refuse to operate
 * on unmounted/not ours mounts") asked for our namespace, which broke CRIU,
 * and 6.17 settled on may_change_propagation(): mounted somewhere we are
 * admin (cffd0441872e, "use uniform permission checks for all mount
 * propagation changes"), so a detached tree's mounts qualify. MS_SHARED
 * first gives every mount concerned a peer group id.
 * Analogous to fs/namespace.c:do_change_type() (6.18; v4.19).
 */
function doChangeType(k: Kernel, path: Path, msFlags: number): SyscallResult<0> {
  return traced(k, 'do_change_type', () => {
    const mnt = path.mnt;
    const recurse = (msFlags & MS_REC) !== 0;
    if (path.dentry !== mnt.mnt_root) return fail('EINVAL'); // mount(2) EINVAL: !path_mounted(path)
    const type = flagsToPropagationType(msFlags);
    if (!type) return fail('EINVAL'); // mount(2) EINVAL: not exactly one propagation type
    // namespace_lock();
    const result = change();
    namespaceUnlock(k);
    return result;
    function change(): SyscallResult<0> {
      if (k.variant.has('do-change-type-refuses-unmounted') && !isMounted(mnt)) return fail('EINVAL'); // may_change_propagation(): not mounted
      if (type === MS_SHARED) inventGroupIds(k, mnt, recurse);
      for (const m of recurse ? subtree(mnt) : [mnt]) changeMntPropagation(k, m, type);
      return ok(0);
    }
  });
}

/**
 * The per-mount flags mount(2)'s MS_* flags ask for: relatime unless
 * noatime, strictatime clearing both; a remount that names no atime mode
 * keeps the mount's own.
 * Analogous to the flag block of fs/namespace.c:path_mount() (6.18; do_mount() in v4.19).
 */
function mntFlagsOf(msFlags: number, mnt: Mount, nosymfollow: boolean): number {
  let flags = msFlags & MS_NOATIME ? 0 : MNT_RELATIME; // default to relatime unless overridden
  if (msFlags & MS_NOSUID) flags |= MNT_NOSUID;
  if (msFlags & MS_NODEV) flags |= MNT_NODEV;
  if (msFlags & MS_NOEXEC) flags |= MNT_NOEXEC;
  if (msFlags & MS_NOATIME) flags |= MNT_NOATIME;
  if (msFlags & MS_NODIRATIME) flags |= MNT_NODIRATIME;
  if (msFlags & MS_STRICTATIME) flags &= ~(MNT_RELATIME | MNT_NOATIME);
  if (msFlags & MS_RDONLY) flags |= MNT_READONLY;
  if (msFlags & MS_NOSYMFOLLOW && nosymfollow) flags |= MNT_NOSYMFOLLOW; // 5.10+; before, the bit was ignored
  if (msFlags & MS_REMOUNT && !(msFlags & (MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME))) {
    flags = (flags & ~MNT_ATIME_MASK) | (mnt.mnt_flags & MNT_ATIME_MASK); // the default atime for remount is preservation
  }
  return flags;
}

/**
 * mount(2): the target is resolved first, then the flags pick the operation,
 * in path_mount()'s order: MS_REMOUNT|MS_BIND, MS_BIND (with MS_REC), a
 * propagation type, MS_MOVE, or a new filesystem. A remount of the
 * superblock itself is not modelled (the dialect has only bind remounts).
 * Analogous to fs/namespace.c:do_mount() / path_mount() (6.18).
 */
export function mount(k: Kernel, task: Task, args: MountArgs): SyscallResult<0> {
  return enterSyscall(k, task, 'mount', () => {
    const found = pathLookupAt(k, task, AT_FDCWD, args.target);
    if (!found.ok) return found;
    const target = found.value.path;
    if (!mayMount(task)) return fail('EPERM');
    if (args.flags & MS_REMOUNT) {
      if (!(args.flags & MS_BIND)) throw new Error('mount(2): MS_REMOUNT without MS_BIND (a superblock remount) is not modelled');
      return doReconfigureMnt(k, task, target, mntFlagsOf(args.flags, target.mnt, k.variant.has('nosymfollow')));
    }
    if (args.flags & MS_BIND) return doLoopback(k, task, target, args.source, (args.flags & MS_REC) !== 0);
    if (args.flags & MS_PROPAGATION) return doChangeType(k, target, args.flags);
    if (args.flags & MS_MOVE) {
      return traced(k, 'do_move_mount_old', () => {
        if (args.source === '') return fail('EINVAL');
        const old = pathLookupAt(k, task, AT_FDCWD, args.source);
        if (!old.ok) return old;
        return doMoveMount(k, task, old.value.path, target);
      });
    }
    return doNewMount(k, task, target, args.fstype, args.source);
  });
}
