/*
 * statmount [-n NSFILE] PATH
 * statmount [-n NSFILE] -i ID
 *
 * statmount(2) of the mount at PATH (its unique id from statx
 * STATX_MNT_ID_UNIQUE) or of mount ID, asking for the fields a user reads,
 * printed one "key: value" a line (README, "statmount's output"). With -n,
 * in the mount namespace NSFILE stands for (mnt_id_req.mnt_ns_id).
 */
#include "mount_api.h"

/* MOUNT_ATTR_* names in one order: the flags, the atime mode (relatime is 0), then the rest. */
static void print_attrs(uint64_t attr)
{
	static const struct { uint64_t flag; const char *name; } before[] = {
		{ 0x1, "rdonly" }, { 0x2, "nosuid" }, { 0x4, "nodev" }, { 0x8, "noexec" },
	}, after[] = {
		{ 0x80, "nodiratime" }, { 0x100000, "idmap" }, { 0x200000, "nosymfollow" },
	};
	uint64_t atime = attr & 0x70;

	printf("mnt_attr: ");
	for (size_t i = 0; i < sizeof(before) / sizeof(before[0]); i++)
		if (attr & before[i].flag)
			printf("%s,", before[i].name);
	printf("%s", atime == 0x10 ? "noatime" : atime == 0x20 ? "strictatime" : "relatime");
	for (size_t i = 0; i < sizeof(after) / sizeof(after[0]); i++)
		if (attr & after[i].flag)
			printf(",%s", after[i].name);
	printf("\n");
}

static void print_propagation(uint64_t prop)
{
	const char *sep = "";

	printf("propagation: ");
	if (prop & (1 << 20))
		printf("%sshared", sep), sep = ",";
	if (prop & (1 << 19))
		printf("%sslave", sep), sep = ",";
	if (prop & (1 << 17))
		printf("%sunbindable", sep), sep = ",";
	if (prop & (1 << 18))
		printf("%sprivate", sep), sep = ",";
	printf("\n");
}

/* "key: value", or "key:" alone when the kernel left the string out (empty). */
static void str(const struct statmount *sm, const char *key, uint64_t flag, uint32_t off)
{
	if (sm->mask & flag)
		printf("%s: %s\n", key, sm->str + off);
	else
		printf("%s:\n", key);
}

int main(int argc, char **argv)
{
	const char *name = helper_name(argv[0]);
	static char buf[1 << 16];
	struct statmount *sm = (struct statmount *)buf;
	struct mnt_id_req req = { .size = MNT_ID_REQ_SIZE_VER1 };

	if (mnt_ns_id_of(name, &argc, &argv, &req.mnt_ns_id))
		return 1;
	switch (mount_id_operand(name, argc, argv, &req.mnt_id)) {
	case 0:
		break;
	case 1:
		return 1;
	default:
		goto usage;
	}
	req.param = STATMOUNT_SB_BASIC | STATMOUNT_MNT_BASIC | STATMOUNT_PROPAGATE_FROM | STATMOUNT_MNT_ROOT |
		    STATMOUNT_MNT_POINT | STATMOUNT_FS_TYPE | STATMOUNT_MNT_NS_ID | STATMOUNT_MNT_OPTS | STATMOUNT_SB_SOURCE;
	if (syscall(NR_statmount, &req, sm, sizeof(buf), 0) < 0) {
		fprintf(stderr, "%s: %s\n", name, strerror(errno));
		return 1;
	}
	printf("mnt_id: %llu\n", (unsigned long long)sm->mnt_id);
	printf("parent_id: %llu\n", (unsigned long long)sm->mnt_parent_id);
	printf("mnt_id_old: %u\n", sm->mnt_id_old);
	printf("parent_id_old: %u\n", sm->mnt_parent_id_old);
	printf("mnt_ns_id: %llu\n", (unsigned long long)sm->mnt_ns_id);
	str(sm, "fs_type", STATMOUNT_FS_TYPE, sm->fs_type);
	str(sm, "sb_source", STATMOUNT_SB_SOURCE, sm->sb_source);
	printf("sb_dev: %u:%u\n", sm->sb_dev_major, sm->sb_dev_minor);
	printf("sb_magic: 0x%llx\n", (unsigned long long)sm->sb_magic);
	printf("sb_flags: %s\n", sm->sb_flags & 1 ? "ro" : "rw");
	str(sm, "mnt_root", STATMOUNT_MNT_ROOT, sm->mnt_root);
	str(sm, "mnt_point", STATMOUNT_MNT_POINT, sm->mnt_point);
	print_attrs(sm->mnt_attr);
	str(sm, "mnt_opts", STATMOUNT_MNT_OPTS, sm->mnt_opts);
	print_propagation(sm->mnt_propagation);
	printf("peer_group: %llu\n", (unsigned long long)sm->mnt_peer_group);
	printf("master: %llu\n", (unsigned long long)sm->mnt_master);
	printf("propagate_from: %llu\n", (unsigned long long)sm->propagate_from);
	return 0;
usage:
	fprintf(stderr, "usage: %s [-n NSFILE] PATH | -i ID\n", name);
	return 2;
}
