/*
 * umount2 [-l] [-f] [-e] [-n] PATH
 *
 * umount2(PATH, flags) with no userspace in between: -l MNT_DETACH,
 * -f MNT_FORCE, -e MNT_EXPIRE, -n UMOUNT_NOFOLLOW. umount(8) has no way to
 * ask for the last two, and it looks at the target (stat, mountinfo) before
 * the syscall, which clears an expiry mark; this does neither.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

#ifndef MNT_EXPIRE
#define MNT_EXPIRE 4
#endif
#ifndef UMOUNT_NOFOLLOW
#define UMOUNT_NOFOLLOW 8
#endif

int main(int argc, char **argv)
{
	int flags = 0, i;

	for (i = 1; i < argc - 1; i++) {
		if (strcmp(argv[i], "-l") == 0)
			flags |= MNT_DETACH;
		else if (strcmp(argv[i], "-f") == 0)
			flags |= MNT_FORCE;
		else if (strcmp(argv[i], "-e") == 0)
			flags |= MNT_EXPIRE;
		else if (strcmp(argv[i], "-n") == 0)
			flags |= UMOUNT_NOFOLLOW;
		else
			break;
	}
	if (argc < 2 || i != argc - 1 || argv[i][0] == '-') {
		fprintf(stderr, "usage: umount2 [-l] [-f] [-e] [-n] PATH\n");
		return 2;
	}
	if (umount2(argv[i], flags) < 0) {
		fprintf(stderr, "umount2: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
