// struct file and the fd table: what an open file holds (one reference on
// its mount) and what its last close does (__fput, with dissolve_on_fput()
// for the file open_tree(OPEN_TREE_CLONE) returned).

import { RLIMIT_NOFILE_CUR } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { File, Kernel, MntNamespace, Path, Task, UserNamespace } from '../kernel/types';
import { fail, ok, type SyscallResult } from '../result';
import { dissolveOnFput } from '../namespace/dissolve-on-fput';
import { putMntNs } from '../namespace/put-mnt-ns';
import { mntputNoExpire, pathGet } from '../namespace/refs';

/**
 * alloc_file + path_get: a new file holding one reference on path.mnt. A
 * file on a mount namespace's nsfs file also holds that namespace (the
 * kernel's inode does, from ns_get_path() to nsfs_evict()), so it outlives its last task.
 */
export function allocFile(
  k: Kernel,
  path: Path,
  options: { needUnmount?: boolean; oPath?: boolean; userNs?: UserNamespace | undefined; mntNs?: MntNamespace | undefined } = {},
): File {
  pathGet(k, path);
  const file = { id: ++k.ids.file, f_path: path, needUnmount: options.needUnmount ?? false, oPath: options.oPath ?? false, f_count: 1 };
  if (options.mntNs) {
    options.mntNs.count++; // get_mnt_ns()
    return { ...file, mntNs: options.mntNs };
  }
  return options.userNs ? { ...file, userNs: options.userNs } : file;
}

/**
 * The lowest free fd, which must be below RLIMIT_NOFILE (EMFILE).
 * Analogous to fs/file.c:get_unused_fd_flags() -> alloc_fd().
 */
export function unusedFd(task: Task): SyscallResult<number> {
  let fd = 0;
  while (task.files.has(fd)) fd++;
  return fd < RLIMIT_NOFILE_CUR ? ok(fd) : fail('EMFILE');
}

/** fd_install(): the table takes over the caller's f_count reference. */
export function fdInstall(task: Task, fd: number, file: File): void {
  task.files.set(fd, file);
}

/**
 * Drop one f_count; the last one defers __fput to task_work, run on the way
 * back to user space. Analogous to fs/file_table.c:fput().
 */
export function fput(k: Kernel, task: Task, file: File): void {
  file.f_count--;
  if (file.f_count > 0) return;
  task.task_works.push({ name: '__fput', run: () => fputFinal(k, file) });
}

/**
 * dput, then dissolve the detached tree if this file owns one, then drop the
 * file's own mount reference last. Analogous to fs/file_table.c:__fput() (v4.19 and 6.18).
 */
export function fputFinal(k: Kernel, file: File): void {
  traced(k, '__fput', () => {
    if (file.needUnmount) dissolveOnFput(k, file.f_path.mnt);
    mntputNoExpire(k, file.f_path.mnt);
    if (file.mntNs) putMntNs(k, file.mntNs); // nsfs_evict(): the namespace's last holder may be this file
  });
}
