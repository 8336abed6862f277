// The few glibc wrappers the model's programs share: each is the syscall
// plus what glibc does with its answer.

import { AT_FDCWD, S_IFDIR, S_IFLNK, S_IFMT } from '../kernel/constants';
import type { BoundSyscalls } from '../syscalls';

/**
 * getcwd(3): the syscall's answer, unless it is not an absolute path
 * (the kernel's "(unreachable)/..." for a cwd the root cannot reach), which
 * glibc refuses with ENOENT; null on any failure.
 * After glibc sysdeps/unix/sysv/linux/getcwd.c (2.27+).
 */
export function getcwd(sys: BoundSyscalls): string | null {
  const got = sys.getcwd({});
  return got.ok && got.value.startsWith('/') ? got.value : null;
}

export function isDirectoryMode(mode: number): boolean {
  return (mode & S_IFMT) === S_IFDIR;
}

export function isSymlinkMode(mode: number): boolean {
  return (mode & S_IFMT) === S_IFLNK;
}

/** stat(2) succeeds: the name resolves. */
export function exists(sys: BoundSyscalls, name: string): boolean {
  return sys.newfstatat({ dfd: AT_FDCWD, path: name, flags: 0 }).ok;
}

/** stat(2) says directory. */
export function isDirectory(sys: BoundSyscalls, name: string): boolean {
  const st = sys.newfstatat({ dfd: AT_FDCWD, path: name, flags: 0 });
  return st.ok && isDirectoryMode(st.value.st_mode);
}
