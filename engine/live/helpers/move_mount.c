/*
 * move_mount FD PATH
 *
 * move_mount(FD, "", AT_FDCWD, PATH, MOVE_MOUNT_F_EMPTY_PATH): attach the
 * tree FD refers to (e.g. an OPEN_TREE_CLONE fd) at PATH. Raw syscall() so
 * it builds against headers that predate the mount API.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_move_mount
#define SYS_move_mount 429
#endif
#ifndef MOVE_MOUNT_F_EMPTY_PATH
#define MOVE_MOUNT_F_EMPTY_PATH 0x00000004
#endif

static int parse_fd(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < 0 || v > INT_MAX)
		return -1;
	return (int)v;
}

int main(int argc, char **argv)
{
	int fd;

	if (argc != 3 || (fd = parse_fd(argv[1])) < 0) {
		fprintf(stderr, "usage: move_mount FD PATH\n");
		return 2;
	}
	if (syscall(SYS_move_mount, fd, "", AT_FDCWD, argv[2], MOVE_MOUNT_F_EMPTY_PATH) < 0) {
		fprintf(stderr, "move_mount: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
