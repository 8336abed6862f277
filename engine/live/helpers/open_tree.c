/*
 * open_tree_clone [-r] FD COMMAND [ARG...]
 * open_tree [-c] [-r] FD COMMAND [ARG...]
 *
 * The thread's tool: FD is already open (the shell's `FD<PATH`). Replace it
 * with open_tree(FD, "", OPEN_TREE_CLONE|AT_EMPTY_PATH) -- a detached clone
 * of that one mount, not recursive, or with -r of the tree (AT_RECURSIVE) --
 * and run COMMAND with the clone on FD. Built a second time as open_tree,
 * it clones only with -c: without, FD becomes a plain O_PATH fd on the
 * mount (and -r alone is the kernel's to refuse).
 */
#include "mount_api.h"

int main(int argc, char **argv)
{
	const char *name = helper_name(argv[0]);
	/* As open_tree_clone (the thread's name), OPEN_TREE_CLONE goes without saying. */
	int clone = strcmp(name, "open_tree") == 0 ? 0 : OPEN_TREE_CLONE;
	int fd, tree, recursive = 0;

	for (; argc > 1 && argv[1][0] == '-'; argv++, argc--) {
		if (strcmp(argv[1], "-r") == 0)
			recursive = AT_RECURSIVE;
		else if (strcmp(argv[1], "-c") == 0)
			clone = OPEN_TREE_CLONE;
		else
			break;
	}
	if (argc < 3 || (fd = parse_fd(argv[1])) < 0) {
		fprintf(stderr, "usage: %s [-c] [-r] FD COMMAND [ARG...]\n", name);
		return 2;
	}
	/* No OPEN_TREE_CLOEXEC: the new fd must survive the exec of COMMAND. */
	tree = syscall(NR_open_tree, fd, "", clone | AT_EMPTY_PATH | recursive);
	if (tree < 0) {
		fprintf(stderr, "%s: %s\n", name, strerror(errno));
		return 1;
	}
	/* dup3 closes the original FD: only the new one is left on it. */
	return install_and_exec(name, tree, fd, 0, argv + 2);
}
