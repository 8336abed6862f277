/*
 * fsconfig FD set_flag KEY
 * fsconfig FD set_string KEY VALUE
 * fsconfig FD create | create_excl | reconfigure
 *
 * One fsconfig(2) call on the filesystem context FD.
 */
#include "mount_api.h"

#define FSCONFIG_SET_FLAG 0
#define FSCONFIG_SET_STRING 1
#define FSCONFIG_CMD_CREATE 6
#define FSCONFIG_CMD_RECONFIGURE 7
#define FSCONFIG_CMD_CREATE_EXCL 8

int main(int argc, char **argv)
{
	const char *name = helper_name(argv[0]);
	const char *key = NULL, *value = NULL;
	unsigned int cmd;
	int fd;

	if (argc < 3 || (fd = parse_fd(argv[1])) < 0)
		goto usage;
	if (strcmp(argv[2], "set_flag") == 0 && argc == 4)
		cmd = FSCONFIG_SET_FLAG, key = argv[3];
	else if (strcmp(argv[2], "set_string") == 0 && argc == 5)
		cmd = FSCONFIG_SET_STRING, key = argv[3], value = argv[4];
	else if (strcmp(argv[2], "create") == 0 && argc == 3)
		cmd = FSCONFIG_CMD_CREATE;
	else if (strcmp(argv[2], "create_excl") == 0 && argc == 3)
		cmd = FSCONFIG_CMD_CREATE_EXCL;
	else if (strcmp(argv[2], "reconfigure") == 0 && argc == 3)
		cmd = FSCONFIG_CMD_RECONFIGURE;
	else
		goto usage;
	if (syscall(NR_fsconfig, fd, cmd, key, value, 0) < 0) {
		fprintf(stderr, "%s: %s\n", name, strerror(errno));
		return 1;
	}
	return 0;
usage:
	fprintf(stderr, "usage: %s FD set_flag KEY | set_string KEY VALUE | create | create_excl | reconfigure\n", name);
	return 2;
}
