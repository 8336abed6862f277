// The one inspection API: a plain, JSON-ready picture of the mount
// machinery after a command (mounts with mnt_count and flags, which
// namespace, pins; tasks with cwd, root and fds). Steps read internals
// through it and the site draws it; nothing walks the object graph itself.

import { MNT_FLAG_NAMES, MNT_SHARED, MNT_UMOUNT } from '../kernel/constants';
import type { Kernel, Mount, Path } from '../kernel/types';
import { pathFromRoot } from '../fs/namei';
import { dentryPath } from '../fs/super';
import { mntHasParent } from '../namespace/alloc';

export interface MountView {
  readonly id: number;
  /** Parent mount id, or null when parentless (a namespace root, detached, unmounted). */
  readonly parent: number | null;
  /** Where it sits in its parent's filesystem ("/mnt"); null when parentless. */
  readonly mountpoint: string | null;
  /** Its path from the top shell's root, or null when that cannot reach it. */
  readonly path: string | null;
  readonly root: string;
  readonly fstype: string;
  readonly mnt_count: number;
  readonly flags: readonly string[];
  /**
   * "init", "anon:N" (a detached tree, 5.2+), "mnt:N" (one unshare -m
   * made; "mnt:N:user:U" when a user namespace it made owns it) or null
   * (unmounted, or a ver #12 clone).
   */
  readonly ns: string | null;
  /** ≤5.2: the mnt_umount fs_pin: 0 armed, -1 being killed, 1 done. */
  readonly pin?: { readonly done: number; readonly onUnmounted: boolean; readonly onPinsOf: number | null };
  /** Its peer group id when shared, and its master's group id when a slave: mountinfo's shared:N and master:N. */
  readonly shared?: number;
  readonly master?: number;
}

export interface PathView {
  readonly mount: number;
  readonly path: string;
}

export interface TaskView {
  readonly pid: number;
  readonly comm: string;
  readonly cwd: PathView;
  readonly root: PathView;
  readonly fds: readonly { readonly fd: number; readonly mount: number; readonly path: string; readonly needUnmount: boolean }[];
}

export interface StateView {
  readonly mounts: readonly MountView[];
  readonly tasks: readonly TaskView[];
  /** Broken kernel invariants (a kernel bug the model reproduces, not ours). */
  readonly violations: readonly string[];
}

function nsName(k: Kernel, m: Mount): string | null {
  if (!m.mnt_ns) return null;
  const ns = m.mnt_ns;
  if (ns === k.init_ns) return 'init';
  if (ns.anon) return `anon:${ns.ns_id}`;
  return ns.user_ns === k.init_user_ns ? `mnt:${ns.ns_id}` : `mnt:${ns.ns_id}:user:${ns.user_ns.ns_id}`;
}

function pathView(p: Path): PathView {
  return { mount: p.mnt.mnt_id, path: dentryPath(p.dentry) };
}

/**
 * Kernel invariant I1 (disconnect_mount's rule): no MNT_UMOUNT mount under a
 * mounted parent. And an unmounted mount takes no part in propagation
 * (umount_tree() made it private; before 6.16 do_change_type() did not
 * check, "do_change_type(): refuse to operate on unmounted/not ours mounts").
 */
export function kernelInvariantViolations(k: Kernel): string[] {
  const out: string[] = [];
  for (const m of k.mounts) {
    if (m.mnt_flags & MNT_UMOUNT && !m.mnt_ns && m.mnt_group_id) {
      out.push(`mount ${m.mnt_id} is unmounted but shared (peer group ${m.mnt_group_id}): do_change_type() let an unmounted mount back into propagation`);
    }
    if (m.mnt_flags & MNT_UMOUNT && m.hashed && mntHasParent(m) && !(m.mnt_parent.mnt_flags & MNT_UMOUNT)) {
      out.push(`mount ${m.mnt_id} is MNT_UMOUNT but attached under mounted mount ${m.mnt_parent.mnt_id} (disconnect_mount(): "umounted mounts may not be connected to mounted mounts")`);
    }
  }
  return out;
}

/** Kernel-internal filesystems (pipes, nsfs, fs contexts' anonymous inodes): no namespace holds their mounts. */
const INTERNAL_FSTYPES: ReadonlySet<string> = new Set(['pipefs', 'nsfs', 'anon_inodefs']);
/** Fds not worth a picture: the terminal's pipes and fs contexts (nsfs fds are shown). */
const HIDDEN_FD_FSTYPES: ReadonlySet<string> = new Set(['pipefs', 'anon_inodefs']);

export function snapshot(k: Kernel): StateView {
  const top = [...k.tasks.values()][0];
  const mounts = [...k.mounts]
    .filter((m) => !INTERNAL_FSTYPES.has(m.mnt_sb.fstype) && m.mnt_sb.fstype !== 'rootfs')
    .sort((a, b) => a.mnt_id - b.mnt_id)
    .map((m): MountView => ({
      id: m.mnt_id,
      parent: mntHasParent(m) ? m.mnt_parent.mnt_id : null,
      mountpoint: mntHasParent(m) ? dentryPath(m.mnt_mountpoint) : null,
      path: top ? pathFromRoot({ mnt: m, dentry: m.mnt_root }, top.root) : null,
      root: dentryPath(m.mnt_root),
      fstype: m.mnt_sb.fstype,
      mnt_count: m.mnt_count,
      flags: MNT_FLAG_NAMES.filter(([bit]) => m.mnt_flags & bit).map(([, name]) => name),
      ns: nsName(k, m),
      ...(m.mnt_flags & MNT_SHARED ? { shared: m.mnt_group_id } : {}),
      ...(m.mnt_master ? { master: m.mnt_master.mnt_group_id } : {}),
      ...(!k.variant.has('unmounted-list')
        ? { pin: { done: m.mnt_umount.done, onUnmounted: m.mnt_umount.s_list !== null, onPinsOf: m.mnt_umount.m_list?.mnt_id ?? null } }
        : {}),
    }));
  const tasks = [...k.tasks.values()].map((t): TaskView => ({
    pid: t.pid,
    comm: t.comm,
    cwd: pathView(t.pwd),
    root: pathView(t.root),
    fds: [...t.files]
      .filter(([, f]) => !HIDDEN_FD_FSTYPES.has(f.f_path.mnt.mnt_sb.fstype))
      .sort(([a], [b]) => a - b)
      .map(([fd, f]) => ({ fd, mount: f.f_path.mnt.mnt_id, path: dentryPath(f.f_path.dentry), needUnmount: f.needUnmount })),
  }));
  return { mounts, tasks, violations: kernelInvariantViolations(k) };
}
