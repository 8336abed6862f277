/*
 * mount_setattr [-r] [-n] [-e] [-s SIZE] [-F HEX] PATH [SPEC]
 *
 * mount_setattr(AT_FDCWD, PATH, flags, &attr, sizeof attr) with attr built
 * from SPEC (see mount_attr.h; no SPEC: all zero, the kernel's no-op).
 * -r AT_RECURSIVE, -n AT_SYMLINK_NOFOLLOW, -e: PATH is an open fd, passed as
 * the dirfd with "" and AT_EMPTY_PATH. -s hands over SIZE bytes (the struct,
 * then zeros), -F ORs raw bits into flags. util-linux 2.38 has no form for
 * this call.
 */
#include "mount_api.h"
#include "mount_attr.h"

static int usage(void)
{
	fprintf(stderr, "usage: mount_setattr [-r] [-n] [-e] [-s SIZE] [-F HEX] PATH [SPEC]\n");
	return 2;
}

int main(int argc, char **argv)
{
	static char buffer[SPEC_MAX_SIZE];
	struct spec_mount_attr attr;
	unsigned int flags = 0;
	size_t size = sizeof(attr);
	uint64_t value;
	int dfd = AT_FDCWD, null = 0, empty = 0;
	const char *path;

	for (; argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0'; argv++, argc--) {
		if (strcmp(argv[1], "-r") == 0)
			flags |= AT_RECURSIVE;
		else if (strcmp(argv[1], "-n") == 0)
			flags |= AT_SYMLINK_NOFOLLOW;
		else if (strcmp(argv[1], "-e") == 0)
			empty = 1;
		else if (strcmp(argv[1], "-s") == 0 && argc > 2 && parse_number(argv[2], &value, 10) == 0 && value <= SPEC_MAX_SIZE) {
			size = value;
			argv++, argc--;
		} else if (strcmp(argv[1], "-F") == 0 && argc > 2 && parse_number(argv[2], &value, 16) == 0 && value <= UINT_MAX) {
			flags |= value;
			argv++, argc--;
		} else
			return usage();
	}
	if (argc < 2 || argc > 3)
		return usage();
	memset(&attr, 0, sizeof(attr));
	if (argc == 3 && parse_spec(argv[2], &attr, &null) < 0)
		return usage();
	path = argv[1];
	if (empty) {
		if (parse_number(argv[1], &value, 10) < 0 || value > INT_MAX)
			return usage();
		dfd = (int)value;
		path = "";
		flags |= AT_EMPTY_PATH;
	}
	memcpy(buffer, &attr, sizeof(attr));
	if (syscall(NR_mount_setattr, dfd, path, flags, null ? NULL : buffer, size) < 0) {
		fprintf(stderr, "mount_setattr: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
