/*
 * The SPEC operand of mount_setattr and open_tree_attr: struct mount_attr
 * written out field by field, comma-separated, so a transcript can ask for
 * exactly what it means, including what the kernel must refuse.
 *
 *   +ATTR  sets a MOUNT_ATTR_* bit in attr_set   (ro nosuid nodev noexec
 *   -ATTR  sets it in attr_clr                    nodiratime nosymfollow,
 *                                                 noatime strictatime relatime)
 *   -atime             attr_clr |= MOUNT_ATTR__ATIME (needed to change the atime mode)
 *   +idmap:FD          attr_set |= MOUNT_ATTR_IDMAP, userns_fd = FD
 *   -idmap             attr_clr |= MOUNT_ATTR_IDMAP
 *   +0xHEX, -0xHEX     raw bits
 *   shared slave private unbindable   propagation |= MS_*
 *   -                  no struct at all (a NULL pointer)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef MOUNT_ATTR_RDONLY
#define MOUNT_ATTR_RDONLY 0x00000001
#define MOUNT_ATTR_NOSUID 0x00000002
#define MOUNT_ATTR_NODEV 0x00000004
#define MOUNT_ATTR_NOEXEC 0x00000008
#define MOUNT_ATTR__ATIME 0x00000070
#define MOUNT_ATTR_RELATIME 0x00000000
#define MOUNT_ATTR_NOATIME 0x00000010
#define MOUNT_ATTR_STRICTATIME 0x00000020
#define MOUNT_ATTR_NODIRATIME 0x00000080
#endif
#ifndef MOUNT_ATTR_IDMAP
#define MOUNT_ATTR_IDMAP 0x00100000
#endif
#ifndef MOUNT_ATTR_NOSYMFOLLOW
#define MOUNT_ATTR_NOSYMFOLLOW 0x00200000
#endif
#ifndef MS_UNBINDABLE
#define MS_UNBINDABLE (1 << 17)
#define MS_PRIVATE (1 << 18)
#define MS_SLAVE (1 << 19)
#define MS_SHARED (1 << 20)
#endif

/* struct mount_attr (MOUNT_ATTR_SIZE_VER0: 32 bytes), under our own name so no header clashes. */
struct spec_mount_attr {
	uint64_t attr_set;
	uint64_t attr_clr;
	uint64_t propagation;
	uint64_t userns_fd;
};

static const struct {
	const char *name;
	uint64_t bit;
} attr_names[] = {
	{ "ro", MOUNT_ATTR_RDONLY },	       { "nosuid", MOUNT_ATTR_NOSUID },
	{ "nodev", MOUNT_ATTR_NODEV },	       { "noexec", MOUNT_ATTR_NOEXEC },
	{ "nodiratime", MOUNT_ATTR_NODIRATIME }, { "nosymfollow", MOUNT_ATTR_NOSYMFOLLOW },
	{ "noatime", MOUNT_ATTR_NOATIME },     { "strictatime", MOUNT_ATTR_STRICTATIME },
	{ "relatime", MOUNT_ATTR_RELATIME },   { "atime", MOUNT_ATTR__ATIME },
};

static const struct {
	const char *name;
	uint64_t flag;
} propagation_names[] = {
	{ "shared", MS_SHARED }, { "slave", MS_SLAVE }, { "private", MS_PRIVATE }, { "unbindable", MS_UNBINDABLE },
};

/* Digits only (no sign, no space), at most 8 hex or 10 decimal ones: the model reads the same. */
static int parse_number(const char *s, uint64_t *out, int base)
{
	size_t n = strlen(s);

	if (n == 0 || n > (base == 16 ? 8 : 10) || strspn(s, base == 16 ? "0123456789abcdefABCDEF" : "0123456789") != n)
		return -1;
	*out = strtoull(s, NULL, base);
	return 0;
}

/* One item into *attr; -1 if it is not one. "+atime" is not an item: only attr_clr takes the mask. */
static int parse_item(const char *item, struct spec_mount_attr *attr)
{
	uint64_t *field, value;
	const char *name = item + 1;
	size_t i;

	for (i = 0; i < sizeof(propagation_names) / sizeof(propagation_names[0]); i++)
		if (strcmp(item, propagation_names[i].name) == 0) {
			attr->propagation |= propagation_names[i].flag;
			return 0;
		}
	if (item[0] != '+' && item[0] != '-')
		return -1;
	field = item[0] == '+' ? &attr->attr_set : &attr->attr_clr;
	if (strncmp(name, "0x", 2) == 0) {
		if (parse_number(name + 2, &value, 16) < 0)
			return -1;
		*field |= value;
		return 0;
	}
	if (item[0] == '+' && strncmp(name, "idmap:", 6) == 0) {
		if (parse_number(name + 6, &value, 10) < 0)
			return -1;
		attr->attr_set |= MOUNT_ATTR_IDMAP;
		attr->userns_fd = value;
		return 0;
	}
	if (item[0] == '-' && strcmp(name, "idmap") == 0) {
		attr->attr_clr |= MOUNT_ATTR_IDMAP;
		return 0;
	}
	if (item[0] == '+' && strcmp(name, "atime") == 0)
		return -1;
	for (i = 0; i < sizeof(attr_names) / sizeof(attr_names[0]); i++)
		if (strcmp(name, attr_names[i].name) == 0) {
			*field |= attr_names[i].bit;
			return 0;
		}
	return -1;
}

/* SPEC into *attr; *null set for "-". Returns -1 on a malformed SPEC. */
static int parse_spec(const char *spec, struct spec_mount_attr *attr, int *null)
{
	char *copy, *item, *save = NULL;
	int ret = 0;

	memset(attr, 0, sizeof(*attr));
	*null = strcmp(spec, "-") == 0;
	if (*null)
		return 0;
	copy = strdup(spec);
	if (!copy)
		return -1;
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save))
		if (parse_item(item, attr) < 0)
			ret = -1;
	free(copy);
	return ret;
}

/* A size operand (-s): a buffer that large is handed over, zero past the struct. */
#define SPEC_MAX_SIZE 8192
