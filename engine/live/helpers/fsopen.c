/*
 * fsopen [-c] FSNAME FD COMMAND [ARG...]
 *
 * fsopen(FSNAME, 0), or with -c FSOPEN_CLOEXEC: a new filesystem context,
 * put on FD, then COMMAND runs with it (`sh` reads the lines that follow).
 */
#include "mount_api.h"

#define FSOPEN_CLOEXEC 0x00000001

int main(int argc, char **argv)
{
	const char *name = helper_name(argv[0]);
	unsigned int flags = 0;
	int fd, ctx;

	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		flags |= FSOPEN_CLOEXEC;
		argv++, argc--;
	}
	if (argc < 4 || (fd = parse_fd(argv[2])) < 0) {
		fprintf(stderr, "usage: %s [-c] FSNAME FD COMMAND [ARG...]\n", name);
		return 2;
	}
	ctx = syscall(NR_fsopen, argv[1], flags);
	if (ctx < 0) {
		fprintf(stderr, "%s: %s\n", name, strerror(errno));
		return 1;
	}
	return install_and_exec(name, ctx, fd, flags & FSOPEN_CLOEXEC, argv + 3);
}
