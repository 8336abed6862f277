/*
 * fsmount [-c] [-o ATTR[,ATTR...]] FD NEWFD COMMAND [ARG...]
 *
 * fsmount(FD, flags, attr_flags): a detached mount of the superblock the
 * context FD created, put on NEWFD, then COMMAND runs with it. -c is
 * FSMOUNT_CLOEXEC; ATTR is rdonly nosuid nodev noexec relatime noatime
 * strictatime nodiratime nosymfollow (MOUNT_ATTR_*).
 */
#include "mount_api.h"

#define FSMOUNT_CLOEXEC 0x00000001

static const struct { const char *name; unsigned int flag; } attrs[] = {
	{ "rdonly", 0x00000001 },     { "nosuid", 0x00000002 },	     { "nodev", 0x00000004 },
	{ "noexec", 0x00000008 },     { "relatime", 0x00000000 },    { "noatime", 0x00000010 },
	{ "strictatime", 0x00000020 }, { "nodiratime", 0x00000080 }, { "nosymfollow", 0x00200000 },
};

static int parse_attrs(char *list, unsigned int *out)
{
	for (char *word = strtok(list, ","); word; word = strtok(NULL, ",")) {
		size_t i;

		for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
			if (strcmp(word, attrs[i].name) == 0)
				break;
		if (i == sizeof(attrs) / sizeof(attrs[0]))
			return -1;
		*out |= attrs[i].flag;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *name = helper_name(argv[0]);
	unsigned int flags = 0, attr_flags = 0;
	int fd, newfd, mnt;

	for (; argc > 1 && argv[1][0] == '-'; argv++, argc--) {
		if (strcmp(argv[1], "-c") == 0)
			flags |= FSMOUNT_CLOEXEC;
		else if (strcmp(argv[1], "-o") == 0 && argc > 2 && parse_attrs(argv[2], &attr_flags) == 0)
			argv++, argc--;
		else
			goto usage;
	}
	if (argc < 4 || (fd = parse_fd(argv[1])) < 0 || (newfd = parse_fd(argv[2])) < 0)
		goto usage;
	mnt = syscall(NR_fsmount, fd, flags, attr_flags);
	if (mnt < 0) {
		fprintf(stderr, "%s: %s\n", name, strerror(errno));
		return 1;
	}
	return install_and_exec(name, mnt, newfd, flags & FSMOUNT_CLOEXEC, argv + 3);
usage:
	fprintf(stderr, "usage: %s [-c] [-o ATTR[,ATTR...]] FD NEWFD COMMAND [ARG...]\n", name);
	return 2;
}
