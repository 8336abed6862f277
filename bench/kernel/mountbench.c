/*
 * mountbench DIR WORKLOAD SIZE REPS
 *
 * The kernel side of `npm run bench`: the same operation sequences the model
 * runs (bench/model/workloads.ts), on the real kernel, timed here with
 * clock_gettime(CLOCK_MONOTONIC) so that process start-up and unshare(1) are
 * not counted. Prints one line per repetition: "<metric> <size> <ns>", and
 * beside it "<metric>-cpu <size> <ns>", the CPU time the process spent
 * (CLOCK_PROCESS_CPUTIME_ID: in the syscalls, not waiting off the CPU, e.g.
 * for an RCU grace period, nor while another process runs).
 *
 * It must run inside a throwaway mount namespace (unshare -m --propagation
 * private): it refuses to run in the namespace of PID 1, so that nothing is
 * ever mounted on the host. Everything it mounts sits on a tmpfs it mounts
 * on DIR; the namespace, and every mount in it, goes when it exits.
 *
 * Workloads (SIZE is the number of operations):
 *   mounts      SIZE tmpfs mounts on SIZE directories of one tmpfs
 *               ("mount"), then umount2(MNT_DETACH) of that whole tree ("umount-l")
 *   openclose   SIZE open+close pairs of a file inside the tmpfs
 *   clonemove   SIZE x (open_tree(OPEN_TREE_CLONE), move_mount, close, umount)
 *   propagate   a tmpfs mounted under a shared mount with SIZE peers
 *               ("prop-mount": SIZE+1 copies), and its umount ("prop-umount")
 * Raw syscall() for open_tree/move_mount: older headers lack the wrappers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef SYS_open_tree
#define SYS_open_tree 428
#endif
#ifndef SYS_move_mount
#define SYS_move_mount 429
#endif
#ifndef OPEN_TREE_CLONE
#define OPEN_TREE_CLONE 1
#endif
#ifndef OPEN_TREE_CLOEXEC
#define OPEN_TREE_CLOEXEC O_CLOEXEC
#endif
#ifndef MOVE_MOUNT_F_EMPTY_PATH
#define MOVE_MOUNT_F_EMPTY_PATH 0x4
#endif

static const char *dir;

static void die(const char *what, const char *path)
{
	fprintf(stderr, "mountbench: %s %s: %s\n", what, path ? path : "", strerror(errno));
	exit(1);
}

/* Wall-clock and CPU time at one instant. */
struct stamp {
	long long wall, cpu;
};

static long long clock_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct stamp now(void)
{
	struct stamp s;

	s.cpu = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
	s.wall = clock_ns(CLOCK_MONOTONIC);
	return s;
}

/*
 * The one safety rule: never mount in the caller's namespace. unshare(1)
 * (without --fork) unshares and then execs us, so our parent, the bench
 * script, is still in the host's namespace and ours must differ from it.
 * (PID 1's would be the obvious reference, but a container may deny it.)
 */
static void require_private_namespace(void)
{
	char parent_ns[64];
	struct stat self, parent;

	snprintf(parent_ns, sizeof(parent_ns), "/proc/%d/ns/mnt", (int)getppid());
	if (stat("/proc/self/ns/mnt", &self) || stat(parent_ns, &parent))
		die("stat", parent_ns);
	if (self.st_ino == parent.st_ino && self.st_dev == parent.st_dev) {
		fprintf(stderr, "mountbench: refusing to run in my parent's mount namespace; run me as unshare -m --propagation private -- mountbench ...\n");
		exit(2);
	}
}

static void path_of(char *buf, size_t len, const char *sub, long i)
{
	if (i < 0)
		snprintf(buf, len, "%s/%s", dir, sub);
	else
		snprintf(buf, len, "%s/%s%ld", dir, sub, i);
}

static void mkdir_or_die(const char *path)
{
	if (mkdir(path, 0755))
		die("mkdir", path);
}

static void mount_tmpfs(const char *path)
{
	if (mount("none", path, "tmpfs", 0, NULL))
		die("mount tmpfs on", path);
}

/* A fresh tmpfs on DIR for one repetition; the caller detaches it after. */
static void base_up(void)
{
	mount_tmpfs(dir);
}

static void base_down(void)
{
	if (umount2(dir, MNT_DETACH))
		die("umount -l", dir);
}

/* The time from `from` to `to`: wall-clock as METRIC, CPU as METRIC-cpu. */
static void report(const char *metric, long size, struct stamp from, struct stamp to)
{
	printf("%s %ld %lld\n%s-cpu %ld %lld\n", metric, size, to.wall - from.wall, metric, size, to.cpu - from.cpu);
	fflush(stdout);
}

static void bench_mounts(long n)
{
	char path[4096];
	struct stamp t0, t1, t2;

	base_up();
	for (long i = 0; i < n; i++) {
		path_of(path, sizeof(path), "d", i);
		mkdir_or_die(path);
	}
	t0 = now();
	for (long i = 0; i < n; i++) {
		path_of(path, sizeof(path), "d", i);
		mount_tmpfs(path);
	}
	t1 = now();
	base_down();
	t2 = now();
	report("mount", n, t0, t1);
	report("umount-l", n, t1, t2);
}

static void bench_openclose(long n)
{
	char path[4096];
	struct stamp t0;
	int fd;

	base_up();
	path_of(path, sizeof(path), "f", -1);
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd < 0 || close(fd))
		die("create", path);
	t0 = now();
	for (long i = 0; i < n; i++) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			die("open", path);
		if (close(fd))
			die("close", path);
	}
	report("openclose", n, t0, now());
	base_down();
}

static void bench_clonemove(long n)
{
	char src[4096], dst[4096];
	struct stamp t0;

	base_up();
	path_of(src, sizeof(src), "src", -1);
	path_of(dst, sizeof(dst), "dst", -1);
	mkdir_or_die(src);
	mkdir_or_die(dst);
	t0 = now();
	for (long i = 0; i < n; i++) {
		int fd = (int)syscall(SYS_open_tree, AT_FDCWD, src, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);

		if (fd < 0)
			die("open_tree", src);
		if (syscall(SYS_move_mount, fd, "", AT_FDCWD, dst, MOVE_MOUNT_F_EMPTY_PATH))
			die("move_mount to", dst);
		/* Close first: an open fd on the clone would make umount EBUSY. */
		if (close(fd))
			die("close", src);
		if (umount2(dst, 0))
			die("umount", dst);
	}
	report("clonemove", n, t0, now());
	base_down();
}

/*
 * DIR/shared is made shared and bound onto DIR/peers/pI (on a private
 * tmpfs, so the peers do not propagate into each other's subtrees): SIZE
 * peers plus the original, one peer group. A tmpfs on DIR/shared/x then
 * appears under every peer.
 */
static void bench_propagate(long n, long reps)
{
	char shared[2048], peers[2048], path[4096], x[4096];
	struct stamp t0, t1, t2;

	base_up();
	path_of(shared, sizeof(shared), "shared", -1);
	path_of(peers, sizeof(peers), "peers", -1);
	mkdir_or_die(shared);
	mkdir_or_die(peers);
	mount_tmpfs(shared);
	mount_tmpfs(peers);
	if (mount(NULL, shared, NULL, MS_SHARED, NULL))
		die("make-shared", shared);
	for (long i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/p%ld", peers, i);
		mkdir_or_die(path);
		if (mount(shared, path, NULL, MS_BIND, NULL))
			die("bind onto", path);
	}
	snprintf(x, sizeof(x), "%s/x", shared);
	mkdir_or_die(x);
	for (long r = 0; r < reps; r++) {
		t0 = now();
		mount_tmpfs(x);
		t1 = now();
		if (umount2(x, 0))
			die("umount", x);
		t2 = now();
		report("prop-mount", n, t0, t1);
		report("prop-umount", n, t1, t2);
	}
	base_down();
}

int main(int argc, char **argv)
{
	long size, reps;

	if (argc != 5) {
		fprintf(stderr, "usage: mountbench DIR mounts|openclose|clonemove|propagate SIZE REPS\n");
		return 2;
	}
	dir = argv[1];
	if (strlen(dir) > 1024) {
		fprintf(stderr, "mountbench: DIR is too long\n");
		return 2;
	}
	size = atol(argv[3]);
	reps = atol(argv[4]);
	if (size <= 0 || reps <= 0) {
		fprintf(stderr, "mountbench: SIZE and REPS must be positive\n");
		return 2;
	}
	require_private_namespace();
	if (!strcmp(argv[2], "propagate")) {
		bench_propagate(size, reps);
		return 0;
	}
	for (long r = 0; r < reps; r++) {
		if (!strcmp(argv[2], "mounts"))
			bench_mounts(size);
		else if (!strcmp(argv[2], "openclose"))
			bench_openclose(size);
		else if (!strcmp(argv[2], "clonemove"))
			bench_clonemove(size);
		else {
			fprintf(stderr, "mountbench: unknown workload %s\n", argv[2]);
			return 2;
		}
	}
	return 0;
}
