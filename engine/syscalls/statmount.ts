import {
  MNT_NOATIME, MNT_NODEV, MNT_NODIRATIME, MNT_NOEXEC, MNT_NOSUID, MNT_NOSYMFOLLOW, MNT_READONLY, MNT_RELATIME, MNT_UNIQUE_ID_OFFSET, MOUNT_ATTR_IDMAP, MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV, MOUNT_ATTR_NOSYMFOLLOW, MOUNT_ATTR_NODIRATIME, MOUNT_ATTR_NOEXEC, MOUNT_ATTR_NOSUID, MOUNT_ATTR_RDONLY, MOUNT_ATTR_RELATIME,
  MOUNT_ATTR_STRICTATIME, MS_PRIVATE, MS_SHARED, MS_SLAVE, MS_UNBINDABLE, PROC_SUPER_MAGIC, RAMFS_MAGIC, STATMOUNT_FS_TYPE,
  STATMOUNT_MNT_BASIC, STATMOUNT_MNT_NS_ID, STATMOUNT_MNT_OPTS, STATMOUNT_MNT_POINT, STATMOUNT_MNT_ROOT, STATMOUNT_PROPAGATE_FROM,
  STATMOUNT_SB_BASIC, STATMOUNT_SB_SOURCE, TMPFS_MAGIC,
} from '../kernel/constants';
import type { Kernel, MntNamespace, Mount, Path, Task } from '../kernel/types';
import { nsCapable } from '../kernel/user-namespace';
import { showOptions } from '../fs/fs-parameters';
import { pathFromRoot } from '../fs/namei';
import { dentryPath } from '../fs/super';
import { getDominatingId, isPathReachable } from '../pnode/get-dominating-id';
import { isMntShared, isMntUnbindable } from '../pnode/pnode';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';
import { mountApiMissing } from './mount-api-variants';

/** struct mnt_id_req, as statmount() and listmount() read it. */
export interface MntIdReq {
  readonly mnt_id: bigint;
  /** statmount: the STATMOUNT_* mask; listmount: the last id already seen (0: from the start). */
  readonly param: bigint;
  /** 0: the caller's namespace. */
  readonly mnt_ns_id: bigint;
}

export interface StatmountArgs {
  readonly req: MntIdReq;
  readonly flags: number;
}

/** struct statmount: each field set only when its STATMOUNT_* bit is in `mask`. */
export interface Statmount {
  mask: number;
  sb_dev_major?: number;
  sb_dev_minor?: number;
  sb_magic?: number;
  sb_flags?: number;
  fs_type?: string;
  mnt_id?: bigint;
  mnt_parent_id?: bigint;
  mnt_id_old?: number;
  mnt_parent_id_old?: number;
  mnt_attr?: number;
  mnt_propagation?: number;
  mnt_peer_group?: number;
  mnt_master?: number;
  propagate_from?: number;
  mnt_root?: string;
  mnt_point?: string;
  mnt_ns_id?: bigint;
  mnt_opts?: string;
  sb_source?: string;
}

/** A mount's 64-bit id, never reused (6.8): allocation order, above MNT_UNIQUE_ID_OFFSET. */
export function mntIdUnique(m: Mount): bigint {
  return MNT_UNIQUE_ID_OFFSET + BigInt(m.mnt_id);
}

/** Analogous to fs/namespace.c:lookup_mnt_in_ns(). */
export function lookupMntInNs(id: bigint, ns: MntNamespace): Mount | null {
  for (const m of ns.mounts) if (mntIdUnique(m) === id) return m;
  return null;
}

/**
 * The namespace a request names: the caller's, or (mnt_ns_id) the one with
 * that id, else null (ENOENT). Analogous to fs/namespace.c:grab_requested_mnt_ns() (6.18).
 */
export function grabRequestedMntNs(k: Kernel, task: Task, req: MntIdReq): MntNamespace | null {
  if (!req.mnt_ns_id) return task.mnt_ns;
  return [...k.namespaces].find((n) => !n.anon && BigInt(n.ns_id) === req.mnt_ns_id) ?? null;
}

/**
 * The check statmount and listmount make right after: a namespace other
 * than the caller's, named by id, needs CAP_SYS_ADMIN over its owning user
 * namespace (ns_capable_noaudit()). listmount says ENOENT when it fails;
 * statmount says EPERM on the live 6.18.44 ("statmount: permission check
 * should return EPERM", Nov 2025; ENOENT before it).
 */
export function mayLookInMntNs(task: Task, req: MntIdReq, ns: MntNamespace): boolean {
  return !req.mnt_ns_id || ns === task.mnt_ns || nsCapable(task, ns.user_ns);
}

/** The root a request is judged from: the caller's, or the first mount on another namespace's root. Analogous to grab_requested_root(). */
export function grabRequestedRoot(task: Task, ns: MntNamespace): Path | null {
  if (ns === task.mnt_ns) return task.root;
  const first = [...ns.mounts].filter((m) => m.mnt_parent === ns.root && m !== ns.root).sort((a, b) => a.mnt_id - b.mnt_id)[0];
  return first ? { mnt: first, dentry: first.mnt_root } : null;
}

/** Analogous to fs/namespace.c:mnt_to_attr_flags(). */
function mntToAttrFlags(m: Mount): number {
  let attr = 0;
  if (m.mnt_flags & MNT_READONLY) attr |= MOUNT_ATTR_RDONLY;
  if (m.mnt_flags & MNT_NOSUID) attr |= MOUNT_ATTR_NOSUID;
  if (m.mnt_flags & MNT_NODEV) attr |= MOUNT_ATTR_NODEV;
  if (m.mnt_flags & MNT_NOEXEC) attr |= MOUNT_ATTR_NOEXEC;
  if (m.mnt_flags & MNT_NODIRATIME) attr |= MOUNT_ATTR_NODIRATIME;
  if (m.mnt_flags & MNT_NOSYMFOLLOW) attr |= MOUNT_ATTR_NOSYMFOLLOW;
  if (m.mnt_idmap) attr |= MOUNT_ATTR_IDMAP; // is_idmapped_mnt()
  if (m.mnt_flags & MNT_NOATIME) attr |= MOUNT_ATTR_NOATIME;
  else if (m.mnt_flags & MNT_RELATIME) attr |= MOUNT_ATTR_RELATIME;
  else attr |= MOUNT_ATTR_STRICTATIME;
  return attr;
}

/** Analogous to fs/namespace.c:mnt_to_propagation_flags(). */
function mntToPropagationFlags(m: Mount): number {
  let propagation = 0;
  if (isMntShared(m)) propagation |= MS_SHARED;
  if (m.mnt_master) propagation |= MS_SLAVE;
  if (isMntUnbindable(m)) propagation |= MS_UNBINDABLE;
  return propagation || MS_PRIVATE;
}

const MAGIC: Readonly<Record<string, number>> = { tmpfs: TMPFS_MAGIC, proc: PROC_SUPER_MAGIC, rootfs: RAMFS_MAGIC };

/**
 * Fill the fields asked for. A string that comes out empty (a mount point
 * the caller cannot see, a filesystem with no options) is left unset.
 * Analogous to fs/namespace.c:do_statmount() (6.18).
 */
function fill(m: Mount, mask: number, root: Path, ns: MntNamespace): Statmount {
  const sm: Statmount = { mask: 0 };
  const sb = m.mnt_sb;
  if (mask & STATMOUNT_MNT_BASIC) {
    sm.mask |= STATMOUNT_MNT_BASIC;
    sm.mnt_id = mntIdUnique(m);
    sm.mnt_parent_id = mntIdUnique(m.mnt_parent);
    sm.mnt_id_old = m.mnt_id;
    sm.mnt_parent_id_old = m.mnt_parent.mnt_id;
    sm.mnt_attr = mntToAttrFlags(m);
    sm.mnt_propagation = mntToPropagationFlags(m);
    sm.mnt_peer_group = m.mnt_group_id;
    sm.mnt_master = m.mnt_master ? m.mnt_master.mnt_group_id : 0;
  }
  if (mask & STATMOUNT_SB_BASIC) {
    sm.mask |= STATMOUNT_SB_BASIC;
    const [major, minor] = sb.s_dev.split(':').map(Number) as [number, number];
    sm.sb_dev_major = major;
    sm.sb_dev_minor = minor;
    sm.sb_magic = MAGIC[sb.fstype] ?? 0;
    sm.sb_flags = sb.s_rdonly ? 1 : 0; // SB_RDONLY
  }
  if (mask & STATMOUNT_PROPAGATE_FROM) {
    sm.mask |= STATMOUNT_PROPAGATE_FROM;
    sm.propagate_from = m.mnt_master ? getDominatingId(m, root) : 0;
  }
  const strings: [number, keyof Statmount, () => string][] = [
    [STATMOUNT_FS_TYPE, 'fs_type', () => sb.fstype],
    [STATMOUNT_MNT_ROOT, 'mnt_root', () => dentryPath(m.mnt_root)],
    [STATMOUNT_MNT_POINT, 'mnt_point', () => pathFromRoot({ mnt: m, dentry: m.mnt_root }, root) ?? ''],
    [STATMOUNT_MNT_OPTS, 'mnt_opts', () => showOptions(sb).join(',')],
    [STATMOUNT_SB_SOURCE, 'sb_source', () => sb.source],
  ];
  for (const [bit, field, value] of strings) {
    if (!(mask & bit)) continue;
    const text = value();
    if (text === '') continue;
    sm.mask |= bit;
    (sm as unknown as Record<string, string>)[field] = text;
  }
  if (mask & STATMOUNT_MNT_NS_ID) {
    sm.mask |= STATMOUNT_MNT_NS_ID;
    sm.mnt_ns_id = BigInt(ns.ns_id);
  }
  return sm;
}

/**
 * statmount(2) (6.8): the fields of one mount of the caller's namespace,
 * named by its unique id. Ids at or below MNT_UNIQUE_ID_OFFSET are EINVAL;
 * a mount of another namespace, or a detached one, is ENOENT; one the
 * caller's root cannot reach is EPERM unless it is capable there. With
 * mnt_ns_id (6.11), of that namespace: EPERM without CAP_SYS_ADMIN over it.
 * Analogous to fs/namespace.c:SYSCALL_DEFINE4(statmount) + do_statmount() (6.18).
 */
export function statmount(k: Kernel, task: Task, args: StatmountArgs): SyscallResult<Statmount> {
  return enterSyscall(k, task, 'statmount', () => {
    if (mountApiMissing(k)) return fail('ENOSYS');
    if (args.flags) return fail('EINVAL');
    if (args.req.mnt_id <= MNT_UNIQUE_ID_OFFSET) return fail('EINVAL'); // copy_mnt_id_req()
    const ns = grabRequestedMntNs(k, task, args.req);
    if (!ns) return fail('ENOENT');
    if (!mayLookInMntNs(task, args.req, ns)) return fail('EPERM');
    if (args.req.mnt_ns_id && ns.mounts.size === 0) return fail('ENOENT');
    const m = lookupMntInNs(args.req.mnt_id, ns);
    if (!m) return fail('ENOENT');
    const root = grabRequestedRoot(task, ns);
    if (!root) return fail('ENOENT');
    if (!isPathReachable(m, m.mnt_root, root) && !nsCapable(task, ns.user_ns)) return fail('EPERM');
    return ok(fill(m, Number(args.req.param & 0xffffffffn), root, ns));
  });
}
