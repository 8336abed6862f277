// The model side of "same work": the operation sequences of
// bench/kernel/mountbench.c, as direct syscalls on a fresh `mainline` kernel
// (no shell, no invariant checks), so the two columns compare like for like.
// Only the operations themselves are timed; the set-up (mkdir) is not, as in C.
// No GC is forced around the timed sections: a forced collection made the
// next section slower, not faster (a mount under 1,000 peers 0.4 ms → 0.8-1 ms
// after gc(), minor or full; V8 gives memory back and re-faults it), so
// a section pays for whatever collections V8 runs during it.

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

/** The process's CPU time in ns (user + system, all threads: V8's GC helpers too), µs resolution. */
function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/**
 * Starts timing a section: `stop(metric, n)`
 * gives its wall-clock time as `metric` and its CPU time as `metric-cpu`,
 * as mountbench prints them. Wall-clock time includes time off the CPU
 * (another process running on a shared machine); CPU time does not.
 */
function stopwatch(): (metric: string, size: number) => Sample[] {
  const cpu0 = cpuNs();
  const t0 = process.hrtime.bigint();
  return (metric, size) => {
    const wall = Number(process.hrtime.bigint() - t0);
    const cpu = cpuNs() - cpu0;
    return [
      { metric, size, value: wall },
      { metric: `${metric}-cpu`, size, value: cpu },
    ];
  };
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
  const mount = stopwatch();
  mountAll(k, task, n);
  const mounted = mount('mount', n);
  const umount = stopwatch();
  must('umount -l', syscalls.umount2(k, task, { target: BASE, flags: MNT_DETACH }));
  return [...mounted, ...umount('umount-l', n)];
}

function openclose(n: number): Sample[] {
  const { k, task } = baseUp();
  const file = `${BASE}/f`;
  must('close', syscalls.close(k, task, { fd: must('create', syscalls.openat(k, task, { dfd: AT_FDCWD, path: file, flags: O_WRONLY | O_CREAT })) }));
  const timed = stopwatch();
  for (let i = 0; i < n; i++) {
    const fd = must('open', syscalls.openat(k, task, { dfd: AT_FDCWD, path: file, flags: O_RDONLY }));
    must('close', syscalls.close(k, task, { fd }));
  }
  return timed('openclose', n);
}

function clonemove(n: number): Sample[] {
  const { k, task } = baseUp();
  const src = `${BASE}/src`;
  const dst = `${BASE}/dst`;
  must('mkdir', syscalls.mkdirat(k, task, { path: src }));
  must('mkdir', syscalls.mkdirat(k, task, { path: dst }));
  const timed = stopwatch();
  for (let i = 0; i < n; i++) {
    const fd = must('open_tree', syscalls.open_tree(k, task, { dfd: AT_FDCWD, path: src, flags: OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC }));
    must('move_mount', syscalls.move_mount(k, task, { fromDfd: fd, fromPath: '', toDfd: AT_FDCWD, toPath: dst, flags: MOVE_MOUNT_F_EMPTY_PATH }));
    must('close', syscalls.close(k, task, { fd })); // first: an open fd would make umount EBUSY
    must('umount', syscalls.umount2(k, task, { target: dst, flags: 0 }));
  }
  return timed('clonemove', n);
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
    const mount = stopwatch();
    must('mount', syscalls.mount(k, task, { source: 'none', target: x, fstype: 'tmpfs', flags: 0 }));
    const mounted = mount('prop-mount', n);
    const copies = k.mounts.size - before;
    const umount = stopwatch();
    must('umount', syscalls.umount2(k, task, { target: x, flags: 0 }));
    samples.push({ metric: 'prop-copies', size: n, value: copies }, ...mounted, ...umount('prop-umount', n));
  }
  return samples;
}

export const WORKLOADS: Readonly<Record<string, (n: number) => Sample[]>> = { mounts, openclose, clonemove, propagate };
