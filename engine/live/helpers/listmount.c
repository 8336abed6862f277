/*
 * listmount [-r] [-n NSFILE] [PATH | -i ID]
 *
 * listmount(2) of the mounts below the mount at PATH (or mount ID; with
 * neither, LSMT_ROOT: the whole namespace), with -r LISTMOUNT_REVERSE,
 * asking for a few ids at a time as a careful caller does. One line per
 * mount: its unique id and its mount point (statmount STATMOUNT_MNT_POINT).
 * With -n, in the mount namespace NSFILE stands for (mnt_id_req.mnt_ns_id).
 */
#include "mount_api.h"

#define BATCH 4

static void print_mount(uint64_t id, uint64_t mnt_ns_id)
{
	static char buf[1 << 14];
	struct statmount *sm = (struct statmount *)buf;
	struct mnt_id_req req = { .size = MNT_ID_REQ_SIZE_VER1, .mnt_id = id, .param = STATMOUNT_MNT_POINT, .mnt_ns_id = mnt_ns_id };

	if (syscall(NR_statmount, &req, sm, sizeof(buf), 0) < 0 || !(sm->mask & STATMOUNT_MNT_POINT))
		printf("%llu\n", (unsigned long long)id);
	else
		printf("%llu %s\n", (unsigned long long)id, sm->str + sm->mnt_point);
}

int main(int argc, char **argv)
{
	const char *name = helper_name(argv[0]);
	struct mnt_id_req req = { .size = MNT_ID_REQ_SIZE_VER1, .mnt_id = LSMT_ROOT };
	unsigned int flags = 0;
	uint64_t ids[BATCH];
	long n;

	if (argc > 1 && strcmp(argv[1], "-r") == 0)
		flags |= LISTMOUNT_REVERSE, argv[1] = argv[0], argv++, argc--;
	if (mnt_ns_id_of(name, &argc, &argv, &req.mnt_ns_id))
		return 1;
	if (argc != 1) {
		int status = mount_id_operand(name, argc, argv, &req.mnt_id);

		if (status == 2)
			goto usage;
		if (status)
			return status;
	}
	do {
		n = syscall(NR_listmount, &req, ids, BATCH, flags);
		if (n < 0) {
			fprintf(stderr, "%s: %s\n", name, strerror(errno));
			return 1;
		}
		for (long i = 0; i < n; i++)
			print_mount(ids[i], req.mnt_ns_id);
		if (n > 0)
			req.param = ids[n - 1];
	} while (n == BATCH);
	return 0;
usage:
	fprintf(stderr, "usage: %s [-r] [-n NSFILE] [PATH | -i ID]\n", name);
	return 2;
}
