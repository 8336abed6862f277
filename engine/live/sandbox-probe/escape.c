// Run inside a live namespace by sandbox.test.ts: every way we know for a
// process with the namespace's capabilities to reach a listener on the
// host's loopback, first as it is, then after trying to get a network back
// (setns, bringing lo up, a user namespace of its own with CAP_NET_ADMIN
// there). Prints one line per attempt, "NAME: ok" or "NAME: <errno text>";
// the test holds the listeners to having received nothing.
// usage: escape TCP_PORT UDP_PORT ABSTRACT_UNIX_NAME
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void report(const char *name, int rc) {
  printf("%s: %s\n", name, rc == 0 ? "ok" : strerror(errno));
}

static int inet(int type, int port, int family) {
  int fd = socket(family, type, 0);
  if (fd < 0) return -1;
  int rc;
  if (family == AF_INET) {
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    rc = connect(fd, (struct sockaddr *)&a, sizeof a);
  } else {
    struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_port = htons(port) };
    inet_pton(AF_INET6, "::ffff:127.0.0.1", &a.sin6_addr);
    rc = connect(fd, (struct sockaddr *)&a, sizeof a);
  }
  // UDP "connects" without a peer: only a sent datagram tells.
  if (rc == 0 && type == SOCK_DGRAM) rc = send(fd, "x", 1, 0) == 1 ? 0 : -1;
  close(fd);
  return rc;
}

static int abstract_unix(const char *name) {
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  struct sockaddr_un a = { .sun_family = AF_UNIX };
  size_t n = strlen(name);
  if (n + 1 > sizeof a.sun_path) n = sizeof a.sun_path - 1;
  memcpy(a.sun_path + 1, name, n);
  int rc = connect(fd, (struct sockaddr *)&a, offsetof(struct sockaddr_un, sun_path) + 1 + n);
  close(fd);
  return rc;
}

static int lo_up(void) {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) return -1;
  struct ifreq r;
  memset(&r, 0, sizeof r);
  strcpy(r.ifr_name, "lo");
  int rc = ioctl(fd, SIOCGIFFLAGS, &r);
  if (rc == 0) {
    r.ifr_flags |= IFF_UP;
    rc = ioctl(fd, SIOCSIFFLAGS, &r);
  }
  close(fd);
  return rc;
}

static int host_net_ns(void) {
  // PID 1 here is the namespace's own; the host's init is not in our PID namespace.
  int fd = open("/proc/1/ns/net", O_RDONLY);
  if (fd < 0) return -1;
  int rc = setns(fd, CLONE_NEWNET);
  close(fd);
  return rc;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: escape TCP_PORT UDP_PORT ABSTRACT_UNIX_NAME\n");
    return 2;
  }
  int tcp = atoi(argv[1]), udp = atoi(argv[2]);
  const char *abstract = argv[3];
#define ATTEMPTS(when)                                                       \
  report("tcp 127.0.0.1" when, inet(SOCK_STREAM, tcp, AF_INET));             \
  report("tcp ::ffff:127.0.0.1" when, inet(SOCK_STREAM, tcp, AF_INET6));     \
  report("udp 127.0.0.1" when, inet(SOCK_DGRAM, udp, AF_INET));              \
  report("abstract unix socket" when, abstract_unix(abstract))
  ATTEMPTS("");
  report("setns /proc/1/ns/net", host_net_ns());
  report("lo up", lo_up());
  ATTEMPTS(" after setns and lo up");
  report("unshare user+net", unshare(CLONE_NEWUSER | CLONE_NEWNET));
  report("lo up in it", lo_up());
  ATTEMPTS(" from a user namespace");
  return 0;
}
