// The objects of the model kernel, named after their struct in the kernel.
// Fields keep the kernel's names where a reviewer would look for them
// (mnt_count, mnt_parent, mnt_ns, mnt_umount, f_mode), and carry their
// invariants as comments; engine/invariants.ts checks them after every step.

import type { Variant } from './variants';

/** A directory entry in one superblock's tree (struct dentry, much reduced). */
export interface Dentry {
  /** Unique in the whole kernel; also the inode number shown by the model. */
  readonly ino: number;
  readonly name: string;
  /** Invariant: null only for the superblock's root. */
  readonly d_parent: Dentry | null;
  readonly d_sb: SuperBlock;
  readonly kind: 'dir' | 'file';
  /** Invariant: empty unless kind is 'dir'. */
  readonly children: Map<string, Dentry>;
  /** For procfs: which synthetic node this is (magic links are resolved by the walk). */
  readonly proc?: ProcNode;
}

export type ProcNode =
  | { readonly kind: 'root' }
  | { readonly kind: 'self' }
  | { readonly kind: 'fd-dir' }
  | { readonly kind: 'mountinfo' }
  /** /proc/self/{uid_map,gid_map,setgroups}: what unshare -r writes. */
  | { readonly kind: 'id-map' }
  /** /proc/self/ns and its `user` entry: opening that one gives a file pinning the opener's user namespace (nsfs). */
  | { readonly kind: 'ns-dir' }
  | { readonly kind: 'ns-user'; readonly pid?: number }
  | { readonly kind: 'ns-mnt'; readonly pid?: number }
  /** /proc/PID: made on lookup for a live task (procfs.ts:procPidDir()). */
  | { readonly kind: 'pid'; readonly pid: number }
  /** /proc/PID/root: a magic link to that task's root. */
  | { readonly kind: 'pid-root'; readonly pid: number };

/** struct super_block: one mounted filesystem instance. */
export interface SuperBlock {
  readonly s_id: number;
  /** The st_dev the kernel would report, as mountinfo prints it ("0:NN"). */
  readonly s_dev: string;
  readonly fstype: 'rootfs' | 'tmpfs' | 'proc' | 'pipefs' | 'nsfs' | 'anon_inodefs';
  /** The source mountinfo shows ("none", "proc", "rootfs"). */
  readonly source: string;
  readonly s_root: Dentry;
  /** SB_RDONLY: writes fail with EROFS (the root after `umount /`, remounted read-only). */
  s_rdonly: boolean;
  /** The user namespace it belongs to (fc->user_ns): CAP_SYS_ADMIN there may force-unmount it or remount it. */
  readonly s_user_ns: UserNamespace;
  /** s_fs_info: the options tmpfs or proc keeps (and shows in mountinfo); absent for the defaults of mount(2). */
  s_fs_info?: FsInfo;
}

/** tmpfs's shmem_sb_info and proc's proc_fs_info, reduced to their options (engine/fs/fs-parameters.ts). */
export type FsInfo =
  | {
      readonly fstype: 'tmpfs';
      /** In pages; null: the default (half of RAM, not shown); 0: unlimited. */
      max_blocks: number | null;
      /** null: the default (not shown); 0: unlimited. */
      max_inodes: number | null;
      readonly mode: number;
      readonly uid: number;
      readonly gid: number;
    }
  | { readonly fstype: 'proc'; readonly hidepid: 0 | 1 | 2 | 4; readonly subset_pid: boolean };

/**
 * struct fs_context (include/linux/fs_context.h), what fsopen() and fspick()
 * hand out behind an fd. Its parameters wait in `params` until CMD_CREATE or
 * CMD_RECONFIGURE applies them.
 */
export interface FsContext {
  readonly fs_type: 'tmpfs' | 'proc';
  purpose: 'FS_CONTEXT_FOR_MOUNT' | 'FS_CONTEXT_FOR_RECONFIGURE';
  phase:
    | 'FS_CONTEXT_CREATE_PARAMS'
    | 'FS_CONTEXT_CREATING'
    | 'FS_CONTEXT_AWAITING_MOUNT'
    | 'FS_CONTEXT_AWAITING_RECONF'
    | 'FS_CONTEXT_RECONF_PARAMS'
    | 'FS_CONTEXT_RECONFIGURING'
    | 'FS_CONTEXT_FAILED';
  /** fc->source ("source" parameter); null: none given. */
  source: string | null;
  /** The superblock's root once created (or, for fspick, the one picked). */
  root: Dentry | null;
  /** fc->sb_flags and sb_flags_mask: SB_RDONLY set or cleared by "ro"/"rw". */
  sb_rdonly: boolean | null;
  /** The filesystem's own parameters seen so far (ctx->seen and their values). */
  readonly params: Map<string, number | string>;
  /** The user namespace of the opener (fc->user_ns). */
  readonly user_ns: UserNamespace;
  /** fc->log: at most 8 messages ("e ...", "w ...", "i ..."), oldest dropped first. */
  readonly log: string[];
}

/** The state of a struct fs_pin (include/linux/fs_pin.h), ≤5.2 only. */
export interface FsPin {
  /** 0 armed, -1 a killer is running kill(), 1 done (pin_remove ran). */
  done: 0 | -1 | 1;
  /** The hlist this pin's s_list is on (the global `unmounted`), or null. */
  s_list: FsPin[] | null;
  /** The mount whose mnt_pins this pin's m_list is on, or null. */
  m_list: Mount | null;
  /** The mount this pin is embedded in (container_of(p, struct mount, mnt_umount)). */
  readonly owner: Mount;
}

/** struct mount (fs/mount.h) with its struct vfsmount. */
export interface Mount {
  readonly mnt_id: number;
  readonly mnt_sb: SuperBlock;
  readonly mnt_root: Dentry;
  /** MNT_* bits; see kernel/constants.ts. */
  mnt_flags: number;
  /**
   * The reference count (mnt_get_count()). Who holds references is listed in
   * engine/README.md. Invariant: never below zero without a logged WARNING.
   */
  mnt_count: number;
  /** Invariant: the mount itself when it has no parent (mnt_has_parent() is false). */
  mnt_parent: Mount;
  /** Invariant: mnt_root when it has no parent. */
  mnt_mountpoint: Dentry;
  /** Children attached under this mount (list_head mnt_mounts), in attach order. */
  readonly mnt_mounts: Mount[];
  /** In mount_hashtable under (mnt_parent, mnt_mountpoint): path walks cross into it. */
  hashed: boolean;
  /** The next mount on its mount_hashtable chain (hlist_node mnt_hash); null at the end or when unhashed. */
  mnt_hash: Mount | null;
  /** null: unmounted or (ver #12) detached; anonymous ns: detached tree (5.2+). */
  mnt_ns: MntNamespace | null;
  /**
   * Peer group id (mnt_group_id), from the group-id IDA (lowest free id).
   * Invariant: nonzero exactly when MNT_SHARED is set (a mount is shared iff
   * it belongs to a peer group, possibly alone).
   */
  mnt_group_id: number;
  /**
   * The peer ring (list_head mnt_share): circular, self-linked when the
   * mount has no peers. Invariant: next.prev === this and prev.next === this;
   * every member has this mount's mnt_group_id.
   */
  readonly mnt_share: { next: Mount; prev: Mount };
  /**
   * The mounts receiving propagation from this one (hlist mnt_slave_list),
   * head first. Invariant: each has mnt_master === this; peers among them
   * are contiguous ("peer groups form contiguous segments of slave lists").
   */
  readonly mnt_slave_list: Mount[];
  /** The mount this one receives propagation from; null unless a slave. Invariant: it lists us in its mnt_slave_list. */
  mnt_master: Mount | null;
  /** 6.18's namespace_sem-only bits: T_MARKED and T_UMOUNT_CANDIDATE (propagation scratch); 0 between syscalls. */
  mnt_t_flags: number;
  /** 6.17+: the child mounted on this mount's root, if any (not counted; cleared when that child is unhashed). */
  overmount: Mount | null;
  /** ≤5.2: the fs_pin embedded in the mount, kill = drop_mountpoint(). */
  readonly mnt_umount: FsPin;
  /** ≤5.2: pins of unmounted-but-connected children (hlist mnt_pins). */
  readonly mnt_pins: FsPin[];
  /** ≤5.2: the old mountpoint dentry umount_mnt() saved for drop_mountpoint(). */
  mnt_ex_mountpoint: Dentry | null;
  /** 5.3+: children still connected when the last reference went. */
  readonly mnt_stuck_children: Mount[];
  /** umount2(MNT_EXPIRE) set it on a first try; mntput() clears it (mntput_no_expire() does not). */
  mnt_expiry_mark: boolean;
  /** mnt_idmap (5.12+): the user namespace whose mapping an idmapped mount applies; null is nop_mnt_idmap. clone_mnt() copies it. */
  mnt_idmap: UserNamespace | null;
  /** After cleanup_mnt(): the struct is freed; any use is a use-after-free. */
  freed: boolean;
}

/**
 * struct user_namespace, reduced to what mounts care about: who owns a
 * mount namespace, and who is capable over whom. Every task in the model is
 * uid 0 of its user namespace with a full capability set (unshare -r maps
 * it so), so ns_capable() is a question of ancestry only.
 */
export interface UserNamespace {
  readonly ns_id: number;
  /** null only for init_user_ns. */
  readonly parent: UserNamespace | null;
  readonly level: number;
}

/** struct mnt_namespace. */
export interface MntNamespace {
  readonly ns_id: number;
  /** Anonymous: a detached tree made by open_tree(OPEN_TREE_CLONE) (5.2+). */
  readonly anon: boolean;
  /** The user namespace that owns it (may_mount() asks for CAP_SYS_ADMIN there). */
  readonly user_ns: UserNamespace;
  /**
   * 6.15+, anonymous only: the ns_id (the kernel's seq) of the namespace the
   * tree was copied from, 0 when it came from nowhere (an unmounted source).
   * check_anonymous_mnt() lets only a task of that namespace copy the tree
   * or mount onto it.
   */
  seq_origin: number;
  /** References from tasks' nsproxy (ns->passive aside); put_mnt_ns() tears it down at 0. Unused for anonymous ones. */
  count: number;
  root: Mount;
  /** The namespace's mounts (ns->list / the rbtree), in mnt_id order when shown. */
  readonly mounts: Set<Mount>;
  freed: boolean;
}

/** (mnt, dentry), holding one mnt_count reference when kept (struct path). */
export interface Path {
  readonly mnt: Mount;
  readonly dentry: Dentry;
}

/** struct file (only what the mount machinery cares about). */
export interface File {
  readonly id: number;
  readonly f_path: Path;
  /** FMODE_NEED_UNMOUNT: set only on the file open_tree(OPEN_TREE_CLONE) returns. */
  readonly needUnmount: boolean;
  readonly oPath: boolean;
  /** An nsfs file (/proc/self/ns/user): the user namespace it refers to. */
  readonly userNs?: UserNamespace;
  /** An nsfs file (/proc/PID/ns/mnt): the mount namespace it refers to, and holds one `count` on. */
  readonly mntNs?: MntNamespace;
  /** References from fd tables (f_count); __fput runs when it reaches 0. */
  f_count: number;
  /** An fscontext file (anon_inode:[fscontext]) carries its fs_context here (file->private_data). */
  private_data?: FsContext;
}

/** A task: one process with its own fd table and fs_struct (no sharing). */
export interface Task {
  readonly pid: number;
  comm: string;
  /** fs_struct: each holds one reference on its mount. */
  root: Path;
  pwd: Path;
  /** The fd table: fd number → file (each entry holds one f_count). */
  readonly files: Map<number, File>;
  /** nsproxy->mnt_ns (holds one `count` on it). */
  mnt_ns: MntNamespace;
  /** cred->user_ns: uid 0 with every capability there (see UserNamespace). */
  user_ns: UserNamespace;
  /** Work queued to run on return to user space (task_work). */
  readonly task_works: { readonly name: string; readonly run: () => void }[];
  exited: boolean;
}

/**
 * mount_hashtable (fs/namespace.c): hash chains (hlist heads) linked
 * through Mount.mnt_hash. Invariant: `count` mounts are on the chains,
 * each with `hashed` set, on the chain its (mnt_parent, mnt_mountpoint) hashes to.
 */
export interface MountHashtable {
  buckets: (Mount | null)[];
  count: number;
}

/** The whole machine. */
export interface Kernel {
  readonly variant: Variant;
  readonly ids: { mnt: number; ns: number; ino: number; sb: number; dev: number; file: number; pid: number };
  /** mnt_group_ida: the peer group ids in use (ida_alloc_min(…, 1) hands out the lowest free one). */
  readonly mnt_group_ida: Set<number>;
  /** The hash of (parent, mountpoint) → mounts there: lookup-mnt.ts. */
  readonly mount_hashtable: MountHashtable;
  /** ≤5.2: the global `unmounted` hlist of fs_pins. */
  readonly unmounted: FsPin[];
  /** 5.3+: the global `unmounted` hlist of mounts. */
  readonly unmountedMounts: Mount[];
  /** 6.17+: an anonymous namespace emptied under namespace_sem, freed by namespace_unlock(). */
  emptied_ns: MntNamespace | null;
  /** Every mount not yet freed, for inspection and invariant checks. */
  readonly mounts: Set<Mount>;
  readonly namespaces: Set<MntNamespace>;
  readonly tasks: Map<number, Task>;
  readonly init_ns: MntNamespace;
  readonly init_user_ns: UserNamespace;
  /** dmesg lines since boot. */
  readonly log: string[];
  /** The modelled call stack, outermost first, for soft-lockup traces: the functions' names (inlined ones have no frame). */
  readonly frames: string[];
  /** The task whose syscall is running (for `[comm:pid]` in reports). */
  current: Task | null;
}
