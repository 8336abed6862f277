// Flag values as in include/linux/mount.h, include/uapi/linux/mount.h,
// include/uapi/linux/fcntl.h and fs/namespace.c. Names kept exact so a
// reviewer can grep the kernel for them.

/** struct vfsmount.mnt_flags bits (include/linux/mount.h). */
export const MNT_NOSUID = 0x01;
export const MNT_NODEV = 0x02;
export const MNT_NOEXEC = 0x04;
export const MNT_NOATIME = 0x08;
export const MNT_NODIRATIME = 0x10;
export const MNT_RELATIME = 0x20;
export const MNT_READONLY = 0x40;
/** 5.10+: symlinks on this mount are not followed (ELOOP). */
export const MNT_NOSYMFOLLOW = 0x80;
export const MNT_SHARED = 0x1000;
export const MNT_UNBINDABLE = 0x2000;
export const MNT_INTERNAL = 0x4000;
export const MNT_LOCK_ATIME = 0x040000;
export const MNT_LOCK_NOEXEC = 0x080000;
export const MNT_LOCK_NOSUID = 0x100000;
export const MNT_LOCK_NODEV = 0x200000;
export const MNT_LOCK_READONLY = 0x400000;
export const MNT_LOCKED = 0x800000;
export const MNT_DOOMED = 0x1000000;
export const MNT_SYNC_UMOUNT = 0x2000000;
export const MNT_UMOUNT = 0x8000000;

/** The atime modes (MNT_ATIME_MASK) and every flag a remount may set (MNT_USER_SETTABLE_MASK). */
export const MNT_ATIME_MASK = MNT_NOATIME | MNT_NODIRATIME | MNT_RELATIME;
export const MNT_USER_SETTABLE_MASK = MNT_NOSUID | MNT_NODEV | MNT_NOEXEC | MNT_ATIME_MASK | MNT_READONLY | MNT_NOSYMFOLLOW;

/** Flags clone_mnt() does not copy to the clone (v4.19 strips these three). */
export const MNT_CLONE_STRIPPED = 0x200 /* MNT_WRITE_HOLD */ | 0x4000000 /* MNT_MARKED */ | MNT_INTERNAL;

/** Names for the flags the spec talks about, for mountinfo-free views. */
export const MNT_FLAG_NAMES: readonly [number, string][] = [
  [MNT_READONLY, 'MNT_READONLY'],
  [MNT_SHARED, 'MNT_SHARED'],
  [MNT_UNBINDABLE, 'MNT_UNBINDABLE'],
  [MNT_LOCKED, 'MNT_LOCKED'],
  [MNT_DOOMED, 'MNT_DOOMED'],
  [MNT_SYNC_UMOUNT, 'MNT_SYNC_UMOUNT'],
  [MNT_UMOUNT, 'MNT_UMOUNT'],
];

/** umount_tree() `how` bits (fs/namespace.c). */
export const UMOUNT_SYNC = 1;
export const UMOUNT_PROPAGATE = 2;
export const UMOUNT_CONNECTED = 4;

/** umount2(2) flags. */
export const MNT_FORCE = 1;
export const MNT_DETACH = 2;
export const MNT_EXPIRE = 4;
export const UMOUNT_NOFOLLOW = 8;

/** unshare(2) / clone(2) flags (include/uapi/linux/sched.h). */
export const CLONE_FS = 0x200;
export const CLONE_NEWNS = 0x20000;
export const CLONE_NEWUSER = 0x10000000;

/** mount(2) flags. */
export const MS_RDONLY = 1;
export const MS_NOSUID = 2;
export const MS_NODEV = 4;
export const MS_NOEXEC = 8;
/** 5.10+: mount(2)'s flag for MNT_NOSYMFOLLOW. */
export const MS_NOSYMFOLLOW = 256;
export const MS_REMOUNT = 32;
export const MS_NOATIME = 1024;
export const MS_NODIRATIME = 2048;
export const MS_BIND = 4096;
export const MS_MOVE = 8192;
export const MS_REC = 16384;
export const MS_SILENT = 32768;
export const MS_UNBINDABLE = 1 << 17;
export const MS_PRIVATE = 1 << 18;
export const MS_SLAVE = 1 << 19;
export const MS_SHARED = 1 << 20;
export const MS_RELATIME = 1 << 21;
export const MS_STRICTATIME = 1 << 24;
/** The propagation types mount(2) hands to do_change_type(). */
export const MS_PROPAGATION = MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE;

/** copy_tree()/clone_mnt() flags (fs/pnode.h, 6.18). */
export const CL_EXPIRE = 0x01;
export const CL_SLAVE = 0x02;
export const CL_COPY_UNBINDABLE = 0x04;
export const CL_MAKE_SHARED = 0x08;
export const CL_PRIVATE = 0x10;
export const CL_COPY_MNT_NS_FILE = 0x40;

/** struct mount's mnt_t_flags (fs/mount.h, 6.18): scratch bits of propagate_mnt() and propagate_umount(). */
export const T_MARKED = 0x1;
export const T_UMOUNT_CANDIDATE = 0x2;

/** open_tree(2) flags. */
export const OPEN_TREE_CLONE = 1;
export const OPEN_TREE_CLOEXEC = 0o2000000;
export const AT_SYMLINK_NOFOLLOW = 0x100;
export const AT_NO_AUTOMOUNT = 0x800;
export const AT_EMPTY_PATH = 0x1000;
export const AT_RECURSIVE = 0x8000;
export const AT_FDCWD = -100;

/** move_mount(2) flags. */
export const MOVE_MOUNT_F_SYMLINKS = 0x1;
export const MOVE_MOUNT_F_AUTOMOUNTS = 0x2;
export const MOVE_MOUNT_F_EMPTY_PATH = 0x4;
export const MOVE_MOUNT_T_SYMLINKS = 0x10;
export const MOVE_MOUNT_T_AUTOMOUNTS = 0x20;
export const MOVE_MOUNT_T_EMPTY_PATH = 0x40;
export const MOVE_MOUNT__MASK = 0x77;

/** include/uapi/linux/limits.h: a path's bytes with its NUL, and one component's. */
export const PATH_MAX = 4096;
export const NAME_MAX = 255;

/**
 * RLIMIT_NOFILE's soft limit for every task: 1024, the kernel's default
 * (INR_OPEN_CUR, init's). The live backend's shell runs with the same
 * (`ulimit -S -n 1024`), whatever limit the host gave its parent.
 */
export const RLIMIT_NOFILE_CUR = 1024;

/** open(2) flags the model understands. */
export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_CREAT = 0o100;
export const O_DIRECTORY = 0o200000;
export const O_PATH = 0o10000000;

/** st_mode's file types (include/uapi/linux/stat.h), as newfstatat(2) reports them. */
export const S_IFMT = 0o170000;
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFIFO = 0o010000;

/** statfs(2)'s f_type for the filesystems the model has (include/uapi/linux/magic.h). */
export const TMPFS_MAGIC = 0x01021994;
export const RAMFS_MAGIC = 0x858458f6;
export const PROC_SUPER_MAGIC = 0x9fa0;
export const PIPEFS_MAGIC = 0x50495045;
export const NSFS_MAGIC = 0x6e736673;

/** ioctl(2) on an nsfs file: the mount namespace's id, as mnt_id_req.mnt_ns_id takes it (_IOR(NSIO, 0x5, __u64), include/uapi/linux/nsfs.h, 6.11). */
export const NS_GET_MNTNS_ID = 0x8008b705;

// --- fs contexts and statmount (fsopen, fsconfig, fsmount, fspick, statmount, listmount) ---

/** fsopen(2), fspick(2), fsmount(2) flags (include/uapi/linux/mount.h). */
export const FSOPEN_CLOEXEC = 0x1;
export const FSPICK_CLOEXEC = 0x1;
export const FSPICK_SYMLINK_NOFOLLOW = 0x2;
export const FSPICK_NO_AUTOMOUNT = 0x4;
export const FSPICK_EMPTY_PATH = 0x8;
export const FSMOUNT_CLOEXEC = 0x1;

/** fsconfig(2) commands (enum fsconfig_command). */
export const FSCONFIG_SET_FLAG = 0;
export const FSCONFIG_SET_STRING = 1;
export const FSCONFIG_SET_BINARY = 2;
export const FSCONFIG_SET_PATH = 3;
export const FSCONFIG_SET_PATH_EMPTY = 4;
export const FSCONFIG_SET_FD = 5;
export const FSCONFIG_CMD_CREATE = 6;
export const FSCONFIG_CMD_RECONFIGURE = 7;
export const FSCONFIG_CMD_CREATE_EXCL = 8;

// --- mount_setattr(2), open_tree_attr(2) and move_mount(2)'s later flags (include/uapi/linux/mount.h, 6.18) ---

/** MOVE_MOUNT_SET_GROUP (5.15) and MOVE_MOUNT_BENEATH (6.5); MOVE_MOUNT__MASK grew 0x77 → 0x177 → 0x377 with them. */
export const MOVE_MOUNT_SET_GROUP = 0x100;
export const MOVE_MOUNT_BENEATH = 0x200;

/** struct mount_attr's attr_set/attr_clr bits. The atime modes are an enum inside MOUNT_ATTR__ATIME, not bits. */
export const MOUNT_ATTR_RDONLY = 0x1;
export const MOUNT_ATTR_NOSUID = 0x2;
export const MOUNT_ATTR_NODEV = 0x4;
export const MOUNT_ATTR_NOEXEC = 0x8;
export const MOUNT_ATTR__ATIME = 0x70;
export const MOUNT_ATTR_RELATIME = 0x0;
export const MOUNT_ATTR_NOATIME = 0x10;
export const MOUNT_ATTR_STRICTATIME = 0x20;
export const MOUNT_ATTR_NODIRATIME = 0x80;
export const MOUNT_ATTR_IDMAP = 0x100000;
export const MOUNT_ATTR_NOSYMFOLLOW = 0x200000;
/** FSMOUNT_VALID_FLAGS, and mount_setattr's (which adds MOUNT_ATTR_IDMAP). */
export const FSMOUNT_VALID_FLAGS =
  MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC | MOUNT_ATTR__ATIME | MOUNT_ATTR_NODIRATIME | MOUNT_ATTR_NOSYMFOLLOW;
export const MOUNT_SETATTR_VALID_FLAGS = FSMOUNT_VALID_FLAGS | MOUNT_ATTR_IDMAP;
/** sizeof(struct mount_attr) in 5.12 (MOUNT_ATTR_SIZE_VER0); a bigger struct must be zero past it, up to a page. */
export const MOUNT_ATTR_SIZE_VER0 = 32;
export const PAGE_SIZE = 4096;

// --- statmount and listmount (6.8) ---

/** statmount(2) request bits (STATMOUNT_*), listmount(2)'s LSMT_ROOT and flag, and the unique id offset (6.8+). */
export const STATMOUNT_SB_BASIC = 0x1;
export const STATMOUNT_MNT_BASIC = 0x2;
export const STATMOUNT_PROPAGATE_FROM = 0x4;
export const STATMOUNT_MNT_ROOT = 0x8;
export const STATMOUNT_MNT_POINT = 0x10;
export const STATMOUNT_FS_TYPE = 0x20;
export const STATMOUNT_MNT_NS_ID = 0x40;
export const STATMOUNT_MNT_OPTS = 0x80;
export const STATMOUNT_SB_SOURCE = 0x200;
export const LSMT_ROOT = 0xffffffffffffffffn;
export const LISTMOUNT_REVERSE = 0x1;
/** Unique mount ids start above this (fs/mount.h MNT_UNIQUE_ID_OFFSET): ids at or below it are EINVAL. */
export const MNT_UNIQUE_ID_OFFSET = 1n << 31n;
/** statx(2)'s mount id requests. */
export const STATX_MNT_ID = 0x1000;
export const STATX_MNT_ID_UNIQUE = 0x4000;
/** anon_inodefs's magic (include/uapi/linux/magic.h): the filesystem of an fs context's fd. */
export const ANON_INODE_FS_MAGIC = 0x09041934;
