/*
 * fspick [-c] [-s] [-a] PATH FD COMMAND [ARG...]
 *
 * fspick(AT_FDCWD, PATH, flags): a context for reconfiguring the superblock
 * mounted at PATH, put on FD, then COMMAND runs with it. -c is FSPICK_CLOEXEC,
 * -s FSPICK_SYMLINK_NOFOLLOW, -a FSPICK_NO_AUTOMOUNT.
 */
#include "mount_api.h"

#define FSPICK_CLOEXEC 0x00000001
#define FSPICK_SYMLINK_NOFOLLOW 0x00000002
#define FSPICK_NO_AUTOMOUNT 0x00000004

int main(int argc, char **argv)
{
	const char *name = helper_name(argv[0]);
	unsigned int flags = 0;
	int fd, ctx;

	for (; argc > 1 && argv[1][0] == '-'; argv++, argc--) {
		if (strcmp(argv[1], "-c") == 0)
			flags |= FSPICK_CLOEXEC;
		else if (strcmp(argv[1], "-s") == 0)
			flags |= FSPICK_SYMLINK_NOFOLLOW;
		else if (strcmp(argv[1], "-a") == 0)
			flags |= FSPICK_NO_AUTOMOUNT;
		else
			break;
	}
	if (argc < 4 || (fd = parse_fd(argv[2])) < 0) {
		fprintf(stderr, "usage: %s [-c] [-s] [-a] PATH FD COMMAND [ARG...]\n", name);
		return 2;
	}
	ctx = syscall(NR_fspick, AT_FDCWD, argv[1], flags);
	if (ctx < 0) {
		fprintf(stderr, "%s: %s\n", name, strerror(errno));
		return 1;
	}
	return install_and_exec(name, ctx, fd, flags & FSPICK_CLOEXEC, argv + 3);
}
