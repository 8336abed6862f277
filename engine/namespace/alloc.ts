import type { UserNamespace, Dentry, Kernel, Mount, MntNamespace, SuperBlock, Task } from '../kernel/types';

/**
 * A new struct mount with mnt_count 1, owned by its creator (R1).
 * Analogous to fs/namespace.c:alloc_vfsmnt() (v4.19 and 6.18 alike).
 */
export function allocVfsmnt(k: Kernel, sb: SuperBlock, root: Dentry, flags: number): Mount {
  const mnt = {
    mnt_id: ++k.ids.mnt,
    mnt_sb: sb,
    mnt_root: root,
    mnt_flags: flags,
    mnt_count: 1,
    mnt_mountpoint: root,
    mnt_mounts: [],
    hashed: false,
    mnt_hash: null,
    mnt_ns: null,
    mnt_group_id: 0,
    mnt_slave_list: [],
    mnt_master: null,
    mnt_t_flags: 0,
    overmount: null,
    mnt_pins: [],
    mnt_ex_mountpoint: null,
    mnt_stuck_children: [],
    mnt_expiry_mark: false,
    mnt_idmap: null,
    freed: false,
  } as unknown as { -readonly [K in keyof Mount]: Mount[K] };
  mnt.mnt_parent = mnt as Mount;
  mnt.mnt_share = { next: mnt as Mount, prev: mnt as Mount };
  mnt.mnt_umount = { done: 0, s_list: null, m_list: null, owner: mnt as Mount };
  k.mounts.add(mnt as Mount);
  return mnt as Mount;
}

/** Analogous to fs/namespace.c:alloc_mnt_ns() (anon = true for open_tree's detached trees, 5.2+). */
export function allocMntNs(k: Kernel, userNs: UserNamespace, anon: boolean, root: Mount): MntNamespace {
  const ns: MntNamespace = { ns_id: ++k.ids.ns, anon, user_ns: userNs, seq_origin: 0, count: anon ? 0 : 1, root, mounts: new Set(), freed: false };
  k.namespaces.add(ns);
  return ns;
}

/** Analogous to fs/namespace.c:free_mnt_ns(). */
export function freeMntNs(k: Kernel, ns: MntNamespace): void {
  ns.freed = true;
  k.namespaces.delete(ns);
}

export function mntHasParent(m: Mount): boolean {
  return m.mnt_parent !== m;
}

/** Analogous to fs/mount.h:is_mounted(): in some namespace, anonymous or not. */
export function isMounted(m: Mount): boolean {
  return m.mnt_ns !== null;
}

/** Analogous to fs/namespace.c:check_mnt(): in the caller's namespace. */
export function checkMnt(m: Mount, ns: MntNamespace): boolean {
  return m.mnt_ns === ns;
}

/** Analogous to fs/mount.h:anon_ns_root() (6.16+): the root of a detached tree. */
export function anonNsRoot(m: Mount): boolean {
  return m.mnt_ns !== null && m.mnt_ns.anon && m.mnt_ns.root === m;
}

/** The subtree rooted at `root`, in next_mnt() pre-order. */
export function subtree(root: Mount): Mount[] {
  const out: Mount[] = [];
  const visit = (m: Mount) => {
    out.push(m);
    for (const child of m.mnt_mounts) visit(child);
  };
  visit(root);
  return out;
}

/**
 * A mount of a detached tree this task may use: one copied from the task's
 * own namespace, or from nowhere (seq_origin 0). A task that moved to
 * another namespace (unshare -m) keeps the fd but may not copy the tree or
 * mount onto it; it may still attach it (do_move_mount() asks only that the
 * source be a detached tree's root).
 * Analogous to fs/namespace.c:check_anonymous_mnt() (6.15+).
 */
export function checkAnonymousMnt(current: MntNamespace, mnt: Mount): boolean {
  const ns = mnt.mnt_ns;
  if (!ns?.anon) return false;
  return ns.seq_origin === 0 || ns.seq_origin === current.ns_id;
}

/**
 * May `mnt` be cloned (bind, open_tree)? Ours, or (6.15+, "fs: create
 * detached mounts from detached mounts") a mount of a detached tree this
 * task may use; never an unmounted one.
 * Analogous to fs/namespace.c:may_copy_tree() (6.18); ver #12: check_mnt() only.
 */
export function mayCopyTree(k: Kernel, task: Task, mnt: Mount): boolean {
  if (checkMnt(mnt, task.mnt_ns)) return true;
  if (mnt.mnt_sb.fstype === 'nsfs') return true; // a namespace file may be bound anywhere (d_op == &ns_dentry_operations)
  return k.variant.has('detached-from-detached') && isMounted(mnt) && checkAnonymousMnt(task.mnt_ns, mnt);
}

/**
 * May a move land on `mnt`? Ours, or a mounted mount of a detached tree this task may use.
 * Analogous to fs/namespace.c:may_use_mount() (6.15+).
 */
export function mayUseMount(current: MntNamespace, mnt: Mount): boolean {
  if (checkMnt(mnt, current)) return true;
  return isMounted(mnt) && checkAnonymousMnt(current, mnt);
}
