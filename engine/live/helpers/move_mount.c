/*
 * move_mount [-p] [-t] [--beneath] [--set-group] [--f-symlinks] [--t-symlinks]
 *            [--f-automounts] [--t-automounts] [-F HEX] FROM TO
 *
 * move_mount(2) with the flags named. FROM is an open fd (the shell's
 * `FD<PATH` or an OPEN_TREE_CLONE fd), passed with "" and
 * MOVE_MOUNT_F_EMPTY_PATH, unless -p makes it a path; TO is a path, unless
 * -t makes it an fd (MOVE_MOUNT_T_EMPTY_PATH). --beneath is
 * MOVE_MOUNT_BENEATH (6.5), --set-group MOVE_MOUNT_SET_GROUP (5.15), the
 * --X-symlinks/--X-automounts the lookup flags; -F ORs raw bits in.
 * `move_mount FD PATH` is the thread's tool.
 */
#include "mount_api.h"

static const struct {
	const char *option;
	unsigned int flag;
} options[] = {
	{ "--beneath", MOVE_MOUNT_BENEATH },	     { "--set-group", MOVE_MOUNT_SET_GROUP },
	{ "--f-symlinks", MOVE_MOUNT_F_SYMLINKS },   { "--t-symlinks", MOVE_MOUNT_T_SYMLINKS },
	{ "--f-automounts", MOVE_MOUNT_F_AUTOMOUNTS }, { "--t-automounts", MOVE_MOUNT_T_AUTOMOUNTS },
};

static int usage(void)
{
	fprintf(stderr, "usage: move_mount [-p] [-t] [--beneath] [--set-group] [--f-symlinks] [--t-symlinks] [--f-automounts] [--t-automounts] [-F HEX] FROM TO\n");
	return 2;
}

int main(int argc, char **argv)
{
	unsigned int flags = MOVE_MOUNT_F_EMPTY_PATH;
	int from_dfd = AT_FDCWD, to_dfd = AT_FDCWD;
	const char *from, *to;
	size_t i;

	for (; argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0'; argv++, argc--) {
		for (i = 0; i < sizeof(options) / sizeof(options[0]); i++)
			if (strcmp(argv[1], options[i].option) == 0)
				break;
		if (i < sizeof(options) / sizeof(options[0]))
			flags |= options[i].flag;
		else if (strcmp(argv[1], "-p") == 0)
			flags &= ~MOVE_MOUNT_F_EMPTY_PATH;
		else if (strcmp(argv[1], "-t") == 0)
			flags |= MOVE_MOUNT_T_EMPTY_PATH;
		else if (strcmp(argv[1], "-F") == 0 && argc > 2) {
			/* 1 to 8 hex digits, nothing else: the model reads the same. */
			size_t n = strlen(argv[2]);

			if (n == 0 || n > 8 || strspn(argv[2], "0123456789abcdefABCDEF") != n)
				return usage();
			flags |= (unsigned int)strtoul(argv[2], NULL, 16);
			argv++, argc--;
		} else
			return usage();
	}
	if (argc != 3)
		return usage();
	from = argv[1];
	to = argv[2];
	if (flags & MOVE_MOUNT_F_EMPTY_PATH) {
		if ((from_dfd = parse_fd(from)) < 0)
			return usage();
		from = "";
	}
	if (flags & MOVE_MOUNT_T_EMPTY_PATH) {
		if ((to_dfd = parse_fd(to)) < 0)
			return usage();
		to = "";
	}
	if (syscall(NR_move_mount, from_dfd, from, to_dfd, to, flags) < 0) {
		fprintf(stderr, "move_mount: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
