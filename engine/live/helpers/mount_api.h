/*
 * What every mount-API helper shares: the syscall numbers and uapi
 * constants (the build host's headers predate most of them), an fd
 * argument parser, and "install this fd as FD, then exec COMMAND".
 * Raw syscall() throughout, so the helpers build against older headers.
 */
#ifndef MOUNTSPEC_MOUNT_API_H
#define MOUNTSPEC_MOUNT_API_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NR_open_tree 428
#define NR_move_mount 429
#define NR_fsopen 430
#define NR_fsconfig 431
#define NR_fsmount 432
#define NR_fspick 433
#define NR_statmount 457
#define NR_listmount 458
#define NR_mount_setattr 442
#define NR_open_tree_attr 467

/* include/uapi/linux/mount.h and fcntl.h, where the host's lack them. */
#ifndef OPEN_TREE_CLONE
#define OPEN_TREE_CLONE 1
#endif
#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif
#ifndef AT_RECURSIVE
#define AT_RECURSIVE 0x8000
#endif
#ifndef MOVE_MOUNT_F_EMPTY_PATH
#define MOVE_MOUNT_F_SYMLINKS 0x00000001
#define MOVE_MOUNT_F_AUTOMOUNTS 0x00000002
#define MOVE_MOUNT_F_EMPTY_PATH 0x00000004
#define MOVE_MOUNT_T_SYMLINKS 0x00000010
#define MOVE_MOUNT_T_AUTOMOUNTS 0x00000020
#define MOVE_MOUNT_T_EMPTY_PATH 0x00000040
#endif
#ifndef MOVE_MOUNT_SET_GROUP
#define MOVE_MOUNT_SET_GROUP 0x00000100
#endif
#ifndef MOVE_MOUNT_BENEATH
#define MOVE_MOUNT_BENEATH 0x00000200
#endif

static inline const char *helper_name(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');
	return slash ? slash + 1 : argv0;
}

/* A non-negative decimal int, or -1. */
static inline int parse_fd(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < 0 || v > INT_MAX)
		return -1;
	return (int)v;
}

/*
 * Put `got` on `want` (dup3 keeps O_CLOEXEC when asked for), then exec
 * argv[0]: the new fd is inherited unless it is close-on-exec.
 */
static inline int install_and_exec(const char *name, int got, int want, int cloexec, char **argv)
{
	if (got != want) {
		if (dup3(got, want, cloexec ? O_CLOEXEC : 0) < 0) {
			fprintf(stderr, "%s: %s\n", name, strerror(errno));
			return 1;
		}
		close(got);
	}
	execvp(argv[0], argv);
	fprintf(stderr, "%s: %s: %s\n", name, argv[0], strerror(errno));
	return errno == ENOENT ? 127 : 126;
}


/* struct mnt_id_req and struct statmount (include/uapi/linux/mount.h, 6.18). */
#include <stdint.h>
struct mnt_id_req {
	uint32_t size;
	uint32_t spare;
	uint64_t mnt_id;
	uint64_t param;
	uint64_t mnt_ns_id;
};
#define MNT_ID_REQ_SIZE_VER1 32

struct statmount {
	uint32_t size, mnt_opts;
	uint64_t mask;
	uint32_t sb_dev_major, sb_dev_minor;
	uint64_t sb_magic;
	uint32_t sb_flags, fs_type;
	uint64_t mnt_id, mnt_parent_id;
	uint32_t mnt_id_old, mnt_parent_id_old;
	uint64_t mnt_attr, mnt_propagation, mnt_peer_group, mnt_master, propagate_from;
	uint32_t mnt_root, mnt_point;
	uint64_t mnt_ns_id;
	uint32_t fs_subtype, sb_source, opt_num, opt_array, opt_sec_num, opt_sec_array;
	uint64_t supported_mask;
	uint32_t mnt_uidmap_num, mnt_uidmap, mnt_gidmap_num, mnt_gidmap;
	uint64_t spare2[43];
	char str[];
};

#define STATMOUNT_SB_BASIC 0x1
#define STATMOUNT_MNT_BASIC 0x2
#define STATMOUNT_PROPAGATE_FROM 0x4
#define STATMOUNT_MNT_ROOT 0x8
#define STATMOUNT_MNT_POINT 0x10
#define STATMOUNT_FS_TYPE 0x20
#define STATMOUNT_MNT_NS_ID 0x40
#define STATMOUNT_MNT_OPTS 0x80
#define STATMOUNT_SB_SOURCE 0x200
#define LSMT_ROOT 0xffffffffffffffffULL
#define LISTMOUNT_REVERSE 1

/* The unique mount id of PATH (statx STATX_MNT_ID_UNIQUE, 6.8), or 0 with errno set. */
#include <sys/stat.h>
#define MS_STATX_MNT_ID_UNIQUE 0x4000U
static inline uint64_t unique_mnt_id(const char *path)
{
	struct statx stx;

	if (statx(AT_FDCWD, path, 0, MS_STATX_MNT_ID_UNIQUE, &stx) < 0)
		return 0;
	if (!(stx.stx_mask & MS_STATX_MNT_ID_UNIQUE)) {
		errno = EOPNOTSUPP;
		return 0;
	}
	return stx.stx_mnt_id;
}

/* include/uapi/linux/nsfs.h (6.11): _IOR(NSIO, 0x5, __u64). */
#include <sys/ioctl.h>
#define MS_NS_GET_MNTNS_ID 0x8008b705U

/*
 * "-n NSFILE" at argv[1]: the id of the mount namespace NSFILE (an nsfs file,
 * /proc/PID/ns/mnt) stands for, from ioctl(NS_GET_MNTNS_ID), for
 * mnt_id_req.mnt_ns_id; the option is taken off argv. 0 with *id set (0: no
 * option, the caller's namespace); else 1, the reason said on stderr.
 */
static inline int mnt_ns_id_of(const char *name, int *argc, char ***argv, uint64_t *id)
{
	const char *path;
	int fd, err;

	*id = 0;
	if (*argc < 3 || strcmp((*argv)[1], "-n") != 0 || (*argv)[2][0] == '-')
		return 0;
	path = (*argv)[2];
	*argv += 2, *argc -= 2;
	(*argv)[0] = (*argv)[-2];
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || ioctl(fd, MS_NS_GET_MNTNS_ID, id) < 0) {
		err = errno;
		fprintf(stderr, "%s: %s: %s\n", name, path, strerror(err));
		if (fd >= 0)
			close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

/* A mount id operand: decimal, at most 64 bits; 0 when it is not one. */
static inline uint64_t parse_id(const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s == '\0' || *s == '-' || *end != '\0' || errno != 0)
		return 0;
	return v;
}

/*
 * The mount a helper's operands name: PATH (its unique id) or -i ID, in
 * argv[1..argc-1]. 0 with *id set; else the exit status: 1 when PATH has no
 * id (said on stderr), 2 for a usage error.
 */
static inline int mount_id_operand(const char *name, int argc, char **argv, uint64_t *id)
{
	if (argc == 3 && strcmp(argv[1], "-i") == 0) {
		*id = parse_id(argv[2]);
		return errno || argv[2][0] == '\0' ? 2 : 0;
	}
	if (argc == 2 && argv[1][0] != '-') {
		*id = unique_mnt_id(argv[1]);
		if (!*id) {
			fprintf(stderr, "%s: %s: %s\n", name, argv[1], strerror(errno));
			return 1;
		}
		return 0;
	}
	return 2;
}

#endif
