/*
 * fsread FD
 *
 * read(2) on a filesystem context until it has nothing left (ENODATA):
 * one message per read, each "e ", "w " or "i " and the text, printed one
 * a line.
 */
#include "mount_api.h"

int main(int argc, char **argv)
{
	const char *name = helper_name(argv[0]);
	char buf[4096];
	ssize_t n;
	int fd;

	if (argc != 2 || (fd = parse_fd(argv[1])) < 0) {
		fprintf(stderr, "usage: %s FD\n", name);
		return 2;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		fwrite(buf, 1, n, stdout);
		if (buf[n - 1] != '\n')
			putchar('\n');
	}
	if (n < 0 && errno != ENODATA) {
		fprintf(stderr, "%s: %s\n", name, strerror(errno));
		return 1;
	}
	return 0;
}
