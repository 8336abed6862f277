// The model side of "same work": the operation sequences of
// bench/kernel/mountbench.c, as direct syscalls on a fresh `mainline` kernel
// (no shell, no invariant checks), so the two columns compare like for like.
// Only the operations themselves are timed; the set-up (mkdir) is not, as in C.

import { createKernel } from '../../engine/kernel/boot';
import { AT_FDCWD, MNT_DETACH, MOVE_MOUNT_F_EMPTY_PATH, O_CREAT, O_RDONLY, O_WRONLY, OPEN_TREE_CLOEXEC, OPEN_TREE_CLONE } from '../../engine/kernel/constants';
import type { Kernel, Task } from '../../engine/kernel/types';
import type { SyscallResult } from '../../engine/result';
import { syscalls } from '../../engine/syscalls/index';
import type { Sample } from '../samples';

/** Where the C program mounts its tmpfs (its DIR); /mnt is a tmpfs at boot. */
const BASE = '/mnt/bench';

/** A failed syscall would time an error path: stop instead. */
function must<T>(what: string, result: SyscallResult<T>): T {
  if (!result.ok) throw new Error(`model: ${what} failed with ${result.errno}`);
  return result.value;
}

function now(): bigint {
  return process.hrtime.bigint();
}

function elapsed(since: bigint): number {
  return Number(now() - since);
}

/** A booted mainline kernel with a tmpfs on BASE, as mountbench's base_up(). */
export function baseUp(): { k: Kernel; task: Task } {
  const { kernel: k, shell: task } = createKernel('mainline');
  must('mkdir base', syscalls.mkdirat(k, task, { path: BASE }));
  must('mount base', syscalls.mount(k, task, { source: 'none', target: BASE, fstype: 'tmpfs', flags: 0 }));
  return { k, task };
}

/** `n` directories d0..d(n-1) under BASE (untimed set-up). */
export function makeDirs(k: Kernel, task: Task, n: number): void {
  for (let i = 0; i < n; i++) must('mkdir', syscalls.mkdirat(k, task, { path: `${BASE}/d${i}` }));
}

/** A tmpfs on each of them. */
export function mountAll(k: Kernel, task: Task, n: number): void {
  for (let i = 0; i < n; i++) must('mount', syscalls.mount(k, task, { source: 'none', target: `${BASE}/d${i}`, fstype: 'tmpfs', flags: 0 }));
}

function mounts(n: number): Sample[] {
  const { k, task } = baseUp();
  makeDirs(k, task, n);
  const t0 = now();
  mountAll(k, task, n);
  const mount = elapsed(t0);
  const t1 = now();
  must('umount -l', syscalls.umount2(k, task, { target: BASE, flags: MNT_DETACH }));
  const umount = elapsed(t1);
  return [
    { metric: 'mount', size: n, value: mount },
    { metric: 'umount-l', size: n, value: umount },
  ];
}

function openclose(n: number): Sample[] {
  const { k, task } = baseUp();
  const file = `${BASE}/f`;
  must('close', syscalls.close(k, task, { fd: must('create', syscalls.openat(k, task, { dfd: AT_FDCWD, path: file, flags: O_WRONLY | O_CREAT })) }));
  const t0 = now();
  for (let i = 0; i < n; i++) {
    const fd = must('open', syscalls.openat(k, task, { dfd: AT_FDCWD, path: file, flags: O_RDONLY }));
    must('close', syscalls.close(k, task, { fd }));
  }
  return [{ metric: 'openclose', size: n, value: elapsed(t0) }];
}

function clonemove(n: number): Sample[] {
  const { k, task } = baseUp();
  const src = `${BASE}/src`;
  const dst = `${BASE}/dst`;
  must('mkdir', syscalls.mkdirat(k, task, { path: src }));
  must('mkdir', syscalls.mkdirat(k, task, { path: dst }));
  const t0 = now();
  for (let i = 0; i < n; i++) {
    const fd = must('open_tree', syscalls.open_tree(k, task, { dfd: AT_FDCWD, path: src, flags: OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC }));
    must('move_mount', syscalls.move_mount(k, task, { fromDfd: fd, fromPath: '', toDfd: AT_FDCWD, toPath: dst, flags: MOVE_MOUNT_F_EMPTY_PATH }));
    must('close', syscalls.close(k, task, { fd })); // first: an open fd would make umount EBUSY
    must('umount', syscalls.umount2(k, task, { target: dst, flags: 0 }));
  }
  return [{ metric: 'clonemove', size: n, value: elapsed(t0) }];
}

/** include/uapi/linux/mount.h; defined here so the bench runs on a model that predates peer groups. */
const MS_SHARED = 1 << 20;
const MS_BIND = 4096;

/** Mount/umount pairs per set-up in row 2: the peers are built once, as in mountbench. */
const PROPAGATION_PAIRS = 10;

/**
 * Row 2, as mountbench's bench_propagate(): a tmpfs under a shared mount with
 * `n` peers, and its umount. "prop-copies" tells whether the model really
 * propagated (n + 1 copies); until peer groups exist (issue 5) it will not,
 * and the row says so instead of timing a plain mount.
 */
function propagate(n: number): Sample[] {
  const { k, task } = baseUp();
  const shared = `${BASE}/shared`;
  const peers = `${BASE}/peers`;
  for (const dir of [shared, peers]) {
    must('mkdir', syscalls.mkdirat(k, task, { path: dir }));
    must('mount', syscalls.mount(k, task, { source: 'none', target: dir, fstype: 'tmpfs', flags: 0 }));
  }
  const unsupported = [{ metric: 'prop-copies', size: n, value: 0 }];
  if (!syscalls.mount(k, task, { source: 'none', target: shared, fstype: '', flags: MS_SHARED }).ok) return unsupported;
  for (let i = 0; i < n; i++) {
    must('mkdir', syscalls.mkdirat(k, task, { path: `${peers}/p${i}` }));
    if (!syscalls.mount(k, task, { source: shared, target: `${peers}/p${i}`, fstype: '', flags: MS_BIND }).ok) return unsupported;
  }
  const x = `${shared}/x`;
  must('mkdir', syscalls.mkdirat(k, task, { path: x }));
  const samples: Sample[] = [];
  for (let pair = 0; pair < PROPAGATION_PAIRS; pair++) {
    const before = k.mounts.size;
    const t0 = now();
    must('mount', syscalls.mount(k, task, { source: 'none', target: x, fstype: 'tmpfs', flags: 0 }));
    const mount = elapsed(t0);
    const copies = k.mounts.size - before;
    const t1 = now();
    must('umount', syscalls.umount2(k, task, { target: x, flags: 0 }));
    samples.push({ metric: 'prop-copies', size: n, value: copies }, { metric: 'prop-mount', size: n, value: mount }, { metric: 'prop-umount', size: n, value: elapsed(t1) });
  }
  return samples;
}

export const WORKLOADS: Readonly<Record<string, (n: number) => Sample[]>> = { mounts, openclose, clonemove, propagate };
