// The initial state every transcript starts from, the same as the live
// backend's throwaway namespace: a tmpfs root (over the hidden rootfs, as
// after pivot_root) with bin lib lib64 mnt proc, proc on /proc, a tmpfs on
// /mnt, and a root shell in "/". Built with the model's own syscalls, so the
// reference counts are the ones those syscalls leave.

import { followMount } from '../fs/namei';
import { allocFile, fdInstall } from '../fs/file';
import { allocSuper, newDentry } from '../fs/super';
import { MNT_INTERNAL } from './constants';
import { allocMntNs, allocVfsmnt } from '../namespace/alloc';
import { newMountHashtable } from '../namespace/lookup-mnt';
import { pathGet, pathPut } from '../namespace/refs';
import type { SyscallResult } from '../result';
import { mkdirat } from '../syscalls/mkdirat';
import { mount } from '../syscalls/mount';
import type { Kernel, Task, UserNamespace } from './types';
import { resolveVariant, type Variant, type VariantId } from './variants';

/**
 * The root's top level, on the model and in the live backend's throwaway root.
 * /run is there because util-linux 2.38 keeps /run/mount/utab: without it a
 * successful `mount --move` exits 16 ("failed to update userspace mount table").
 */
export const ROOT_DIRECTORIES = ['bin', 'lib', 'lib64', 'mnt', 'proc', 'run'] as const;

function must<T>(what: string, result: SyscallResult<T>): T {
  if (!result.ok) throw new Error(`boot: ${what} failed with ${result.errno}`);
  return result.value;
}

/** init_user_ns: owns the initial mount namespace; ns_id 0 keeps mount namespace ids as before. */
const INIT_USER_NS: UserNamespace = { ns_id: 0, parent: null, level: 0 };

function emptyKernel(variant: VariantId | Variant): Kernel {
  return {
    variant: resolveVariant(variant),
    ids: { mnt: 0, ns: 0, ino: 0, sb: 0, dev: 0, file: 0, pid: 0 },
    mnt_group_ida: new Set(),
    mount_hashtable: newMountHashtable(),
    unmounted: [],
    unmountedMounts: [],
    emptied_ns: null,
    mounts: new Set(),
    namespaces: new Set(),
    tasks: new Map(),
    init_ns: null as unknown as Kernel['init_ns'], // set by createKernel before any use
    init_user_ns: INIT_USER_NS,
    log: [],
    frames: [],
    current: null,
  };
}

/**
 * fds 0, 1 and 2 of the top shell: three pipes (the terminal of the live
 * backend is pipes too), on pipefs's internal mount, which no namespace holds.
 * Analogous to fs/pipe.c:create_pipe_files() on kern_mount(pipefs).
 */
function openStdio(k: Kernel, shell: Task): void {
  const pipefs = allocSuper(k, 'pipefs', 'pipe');
  const internal = allocVfsmnt(k, pipefs, pipefs.s_root, MNT_INTERNAL);
  for (const fd of [0, 1, 2]) {
    const pipe = newDentry(k, pipefs.s_root, `pipe:[${fd}]`, pipefs, 'file');
    fdInstall(shell, fd, allocFile(k, { mnt: internal, dentry: pipe }));
  }
}

/** A booted kernel and its first task, the transcript's top shell. */
export function createKernel(variantId: VariantId | Variant): { kernel: Kernel; shell: Task } {
  const k = emptyKernel(variantId);
  // init_mount_tree(): rootfs is the namespace root, hidden below "/".
  const rootfsSb = allocSuper(k, 'rootfs', 'rootfs');
  const rootfs = allocVfsmnt(k, rootfsSb, rootfsSb.s_root, 0);
  const ns = allocMntNs(k, k.init_user_ns, false, rootfs);
  (k as { init_ns: Kernel['init_ns'] }).init_ns = ns;
  rootfs.mnt_ns = ns;
  ns.mounts.add(rootfs);
  const rootPath = { mnt: rootfs, dentry: rootfs.mnt_root };
  const shell: Task = {
    pid: ++k.ids.pid,
    comm: 'bash',
    root: pathGet(k, rootPath),
    pwd: pathGet(k, rootPath),
    files: new Map(),
    mnt_ns: ns,
    user_ns: k.init_user_ns,
    task_works: [],
    exited: false,
  };
  k.tasks.set(shell.pid, shell);
  must('mount tmpfs on /', mount(k, shell, { source: 'none', target: '/', fstype: 'tmpfs', flags: 0 }));
  // chroot + chdir into the new root, where pivot_root leaves the shell.
  const newRoot = followMount(k, rootPath);
  pathPut(k, shell.root);
  pathPut(k, shell.pwd);
  shell.root = pathGet(k, newRoot);
  shell.pwd = pathGet(k, newRoot);
  for (const dir of ROOT_DIRECTORIES) must(`mkdir /${dir}`, mkdirat(k, shell, { path: `/${dir}` }));
  must('mount proc', mount(k, shell, { source: 'proc', target: '/proc', fstype: 'proc', flags: 0 }));
  must('mount tmpfs on /mnt', mount(k, shell, { source: 'none', target: '/mnt', fstype: 'tmpfs', flags: 0 }));
  openStdio(k, shell);
  k.log.length = 0;
  return { kernel: k, shell };
}
