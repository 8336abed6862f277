/*
 * open_tree_attr [-c] [-r] [-s SIZE] FD SPEC COMMAND [ARG...]
 *
 * open_tree(2) as open_tree does it (FD is already open, the shell's
 * `FD<PATH`; -c OPEN_TREE_CLONE, -r AT_RECURSIVE), with a struct mount_attr
 * built from SPEC (see mount_attr.h; "-" passes NULL) applied to what it
 * opened before the fd exists: open_tree_attr(FD, "", flags|AT_EMPTY_PATH,
 * &attr, SIZE). Then COMMAND runs with the new fd on FD. Linux 6.15+;
 * util-linux 2.38 has no form for it.
 */
#include "mount_api.h"
#include "mount_attr.h"

static int usage(void)
{
	fprintf(stderr, "usage: open_tree_attr [-c] [-r] [-s SIZE] FD SPEC COMMAND [ARG...]\n");
	return 2;
}

int main(int argc, char **argv)
{
	static char buffer[SPEC_MAX_SIZE];
	struct spec_mount_attr attr;
	unsigned int flags = AT_EMPTY_PATH;
	size_t size = sizeof(attr);
	int fd, tree, null, sized = 0;
	uint64_t value;

	for (; argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0'; argv++, argc--) {
		if (strcmp(argv[1], "-c") == 0)
			flags |= OPEN_TREE_CLONE;
		else if (strcmp(argv[1], "-r") == 0)
			flags |= AT_RECURSIVE;
		else if (strcmp(argv[1], "-s") == 0 && argc > 2 && parse_number(argv[2], &value, 10) == 0 && value <= SPEC_MAX_SIZE) {
			size = value;
			sized = 1;
			argv++, argc--;
		} else
			return usage();
	}
	if (argc < 4 || parse_number(argv[1], &value, 10) < 0 || value > INT_MAX || parse_spec(argv[2], &attr, &null) < 0)
		return usage();
	fd = (int)value;
	if (null && !sized)
		size = 0;
	memcpy(buffer, &attr, sizeof(attr));
	/* No OPEN_TREE_CLOEXEC: the new fd must survive the exec of COMMAND. */
	tree = syscall(NR_open_tree_attr, fd, "", flags, null ? NULL : buffer, size);
	if (tree < 0) {
		fprintf(stderr, "open_tree_attr: %s\n", strerror(errno));
		return 1;
	}
	return install_and_exec("open_tree_attr", tree, fd, 0, argv + 3);
}
