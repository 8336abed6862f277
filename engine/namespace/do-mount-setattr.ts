// The body mount_setattr(2) and open_tree_attr(2) share: struct mount_attr
// read and checked (build_mount_kattr), then applied to one mount or, with
// AT_RECURSIVE, its whole tree, all or nothing (prepare, then commit).

import {
  MNT_NOATIME, MNT_NODEV, MNT_NODIRATIME, MNT_NOEXEC, MNT_NOSUID, MNT_NOSYMFOLLOW, MNT_READONLY, MNT_RELATIME,
  MOUNT_ATTR__ATIME, MOUNT_ATTR_IDMAP, MOUNT_ATTR_NOATIME, MOUNT_ATTR_NODEV, MOUNT_ATTR_NODIRATIME, MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID, MOUNT_ATTR_NOSYMFOLLOW, MOUNT_ATTR_RDONLY, MOUNT_ATTR_RELATIME, MOUNT_ATTR_SIZE_VER0, MOUNT_ATTR_STRICTATIME,
  MOUNT_SETATTR_VALID_FLAGS, MS_PRIVATE, MS_SHARED, MS_SLAVE, MS_UNBINDABLE, PAGE_SIZE,
} from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Kernel, Mount, Path, Task, UserNamespace } from '../kernel/types';
import { mayMount, nsCapable } from '../kernel/user-namespace';
import type { MountAttr } from '../syscalls/mount_setattr';
import { changeMntPropagation } from '../pnode/change-mnt-propagation';
import { fail, ok, type SyscallResult } from '../result';
import { anonNsRoot, checkMnt, subtree } from './alloc';
import { canChangeLockedFlags } from './do-reconfigure-mnt';
import { cleanupGroupIds, inventGroupIds } from './graft';
import { namespaceUnlock } from './namespace-unlock';


/** The propagation types mount_attr.propagation may name, one at most. */
const MOUNT_SETATTR_PROPAGATION_FLAGS = MS_UNBINDABLE | MS_PRIVATE | MS_SLAVE | MS_SHARED;

/**
 * struct mount_kattr: the request in mnt_flags terms. `idmapReplace` is
 * open_tree_attr's: its copy has never been seen, so an idmapping may be
 * replaced or taken off. `idmap` is the mapping to install (null:
 * nop_mnt_idmap), undefined when the request leaves it alone.
 */
export interface MountKattr {
  attr_set: number;
  attr_clr: number;
  propagation: number;
  readonly recurse: boolean;
  readonly idmapReplace: boolean;
  idmap?: UserNamespace | null;
}

/** The MNT_* bits a MOUNT_ATTR_* word names (the atime enum aside). Analogous to fs/namespace.c:attr_flags_to_mnt_flags(). */
export function attrFlagsToMntFlags(attr: number): number {
  let flags = 0;
  if (attr & MOUNT_ATTR_RDONLY) flags |= MNT_READONLY;
  if (attr & MOUNT_ATTR_NOSUID) flags |= MNT_NOSUID;
  if (attr & MOUNT_ATTR_NODEV) flags |= MNT_NODEV;
  if (attr & MOUNT_ATTR_NOEXEC) flags |= MNT_NOEXEC;
  if (attr & MOUNT_ATTR_NODIRATIME) flags |= MNT_NODIRATIME;
  if (attr & MOUNT_ATTR_NOSYMFOLLOW) flags |= MNT_NOSYMFOLLOW;
  return flags;
}

function popcount(n: number): number {
  let count = 0;
  for (let v = n >>> 0; v; v &= v - 1) count++;
  return count;
}

/**
 * MOUNT_ATTR_IDMAP in attr_set: userns_fd must be an nsfs file of a user
 * namespace other than the initial one, in which we are capable. In
 * attr_clr alone: only open_tree_attr may, and it means "no idmapping".
 * Analogous to fs/namespace.c:build_mount_idmapped() (6.15+; 5.12 without the replace case).
 */
function buildMountIdmapped(task: Task, attr: MountAttr, kattr: MountKattr): SyscallResult<0> {
  if (!((attr.attr_set | attr.attr_clr) & MOUNT_ATTR_IDMAP)) return ok(0);
  if (attr.attr_clr & MOUNT_ATTR_IDMAP) {
    if (!kattr.idmapReplace) return fail('EINVAL'); // an idmapping seen by user space stays
    if (!(attr.attr_set & MOUNT_ATTR_IDMAP)) {
      kattr.idmap = null; // removal is nop_mnt_idmap
      return ok(0);
    }
  }
  if (attr.userns_fd > 0x7fffffff) return fail('EINVAL');
  const file = task.files.get(attr.userns_fd);
  if (!file || file.oPath) return fail('EBADF'); // CLASS(fd): an O_PATH file (an open_tree fd) is no fd here
  const userNs = file.userNs;
  if (!userNs) return fail('EINVAL'); // !proc_ns_file(), or not CLONE_NEWUSER
  if (userNs.parent === null) return fail('EPERM'); // the initial idmapping marks a mount that is not idmapped
  if (!nsCapable(task, userNs)) return fail('EPERM'); // we're not controlling the target namespace
  kattr.idmap = userNs;
  return ok(0);
}

/**
 * Check struct mount_attr and turn it into mount_kattr: one propagation
 * type at most, only known bits, and an atime mode only together with the
 * whole MOUNT_ATTR__ATIME in attr_clr (the modes are an enum: changing one
 * means clearing all). Then the idmapping.
 * Analogous to fs/namespace.c:build_mount_kattr() (6.18).
 */
function buildMountKattr(task: Task, attr: MountAttr, kattr: MountKattr): SyscallResult<0> {
  if (attr.propagation & ~MOUNT_SETATTR_PROPAGATION_FLAGS) return fail('EINVAL');
  if (popcount(attr.propagation) > 1) return fail('EINVAL'); // one propagation type at most
  kattr.propagation = attr.propagation;
  if ((attr.attr_set | attr.attr_clr) & ~MOUNT_SETATTR_VALID_FLAGS) return fail('EINVAL'); // an unknown MOUNT_ATTR_* bit
  kattr.attr_set = attrFlagsToMntFlags(attr.attr_set);
  kattr.attr_clr = attrFlagsToMntFlags(attr.attr_clr);
  if (attr.attr_clr & MOUNT_ATTR__ATIME) {
    if ((attr.attr_clr & MOUNT_ATTR__ATIME) !== MOUNT_ATTR__ATIME) return fail('EINVAL'); // part of the atime enum
    kattr.attr_clr |= MNT_RELATIME | MNT_NOATIME; // the modes exclude each other: clear all
    switch (attr.attr_set & MOUNT_ATTR__ATIME) {
      case MOUNT_ATTR_RELATIME:
        kattr.attr_set |= MNT_RELATIME;
        break;
      case MOUNT_ATTR_NOATIME:
        kattr.attr_set |= MNT_NOATIME;
        break;
      case MOUNT_ATTR_STRICTATIME:
        break;
      default:
        return fail('EINVAL'); // not one of the three modes
    }
  } else if (attr.attr_set & MOUNT_ATTR__ATIME) {
    return fail('EINVAL'); // an atime mode without clearing the old one
  }
  return buildMountIdmapped(task, attr, kattr);
}

/**
 * Read the user's struct: at most a page (E2BIG), at least the 5.12 struct
 * (EINVAL); the caller must be able to mount at all (EPERM). A request that
 * changes nothing is done before any lookup: 'nop'.
 * Analogous to fs/namespace.c:wants_mount_setattr() (6.15+; inline in mount_setattr() in 5.12).
 */
export function wantsMountSetattr(task: Task, uattr: MountAttr | null, usize: number, kattr: MountKattr): SyscallResult<'nop' | 'apply'> {
  if (usize > PAGE_SIZE) return fail('E2BIG');
  if (usize < MOUNT_ATTR_SIZE_VER0) return fail('EINVAL');
  if (!mayMount(task)) return fail('EPERM');
  if (!uattr) return fail('EFAULT'); // copy_struct_from_user() from NULL
  if (uattr.attr_set === 0 && uattr.attr_clr === 0 && uattr.propagation === 0) return ok('nop'); // don't bother walking through the mounts
  const built = buildMountKattr(task, uattr, kattr);
  return built.ok ? ok('apply') : built;
}

/** Analogous to fs/namespace.c:recalc_flags(). */
function recalcFlags(kattr: MountKattr, m: Mount): number {
  return (m.mnt_flags & ~kattr.attr_clr) | kattr.attr_set;
}

/**
 * May this mount get the idmapping asked for? Not the filesystem's own
 * mapping (EINVAL), not over an idmapping already seen (EPERM, unless
 * open_tree_attr replaces its own), only on a filesystem that supports it
 * (tmpfs since 6.3; not proc), only over a superblock we control (EPERM),
 * and only on a detached tree, never on a mount already visible (EINVAL).
 * Analogous to fs/namespace.c:can_idmap_mount() (6.18).
 */
function canIdmapMount(task: Task, kattr: MountKattr, m: Mount): SyscallResult<0> {
  // Only "leave it alone" skips the checks: taking an idmapping off
  // (nop_mnt_idmap, null here) is a change of idmapping like any other, and
  // needs the superblock as much (a non-NULL kattr->mnt_idmap in the kernel).
  if (kattr.idmap === undefined) return ok(0);
  const sbUserNs = m.mnt_sb.s_user_ns;
  if (kattr.idmap === sbUserNs) return fail('EINVAL'); // the filesystem-wide idmapping makes no sense here
  if (!kattr.idmapReplace && m.mnt_idmap) return fail('EPERM'); // an idmapping user space has seen
  if (m.mnt_sb.fstype !== 'tmpfs') return fail('EINVAL'); // no FS_ALLOW_IDMAP
  if (!nsCapable(task, sbUserNs)) return fail('EPERM'); // we're not controlling the superblock
  if (!m.mnt_ns?.anon) return fail('EINVAL'); // already visible in the filesystem hierarchy
  return ok(0);
}

/**
 * Check every mount concerned before changing any: a flag locked by a
 * less privileged copy may not be cleared (EPERM), and the idmapping must
 * fit. The model has no writers in flight, so mnt_hold_writers() never
 * finds one (EBUSY).
 * Analogous to fs/namespace.c:mount_setattr_prepare() (6.18).
 */
function mountSetattrPrepare(task: Task, kattr: MountKattr, mnt: Mount): SyscallResult<0> {
  for (const m of kattr.recurse ? subtree(mnt) : [mnt]) {
    if (!canChangeLockedFlags(m, recalcFlags(kattr, m))) return fail('EPERM');
    const idmap = canIdmapMount(task, kattr, m);
    if (!idmap.ok) return idmap;
  }
  return ok(0);
}

/** Analogous to fs/namespace.c:mount_setattr_commit() (6.18). */
function mountSetattrCommit(k: Kernel, kattr: MountKattr, mnt: Mount): void {
  for (const m of kattr.recurse ? subtree(mnt) : [mnt]) {
    if (kattr.idmap !== undefined) m.mnt_idmap = kattr.idmap; // do_idmap_mount()
    m.mnt_flags = recalcFlags(kattr, m);
    if (kattr.propagation) changeMntPropagation(k, m, kattr.propagation);
  }
}

/**
 * Apply kattr at `path`, which must be a mount's root, of a mount in our
 * namespace or the root of a detached tree (EINVAL otherwise: an
 * unmounted mount, a foreign namespace, a mount inside a detached tree).
 * MS_SHARED first gives the mounts group ids, given back on failure.
 * Analogous to fs/namespace.c:do_mount_setattr() (6.18).
 */
export function doMountSetattr(k: Kernel, task: Task, path: Path, kattr: MountKattr): SyscallResult<0> {
  return traced(k, 'do_mount_setattr', () => {
    const mnt = path.mnt;
    if (path.dentry !== mnt.mnt_root) return fail('EINVAL'); // !path_mounted(path)
    if (kattr.propagation === MS_SHARED) inventGroupIds(k, mnt, kattr.recurse);
    const result = apply();
    if (kattr.propagation) {
      if (!result.ok) cleanupGroupIds(k, mnt);
      namespaceUnlock(k);
    }
    return result;
    function apply(): SyscallResult<0> {
      if (!anonNsRoot(mnt) && !checkMnt(mnt, task.mnt_ns)) return fail('EINVAL'); // neither a detached tree's root nor ours
      const prepared = mountSetattrPrepare(task, kattr, mnt);
      if (!prepared.ok) return prepared;
      mountSetattrCommit(k, kattr, mnt);
      return ok(0);
    }
  });
}
