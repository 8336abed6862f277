// Runs mountbench in a throwaway mount namespace: `unshare -m --propagation
// private` (no --fork, so mountbench can check it is not in its parent's
// namespace). It mounts its tmpfs on build/bench/mnt inside that namespace;
// on the host that directory stays empty. The namespace, with every mount
// in it, goes when mountbench exits.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unavailableReason } from '../../engine/live/probe';
import { hostCommand } from '../../engine/live/root-files';
import { BUILD_DIR } from '../paths';
import { parseSamples, type Sample } from '../samples';
import { buildMountbench } from './build';

export type KernelWorkload = 'mounts' | 'openclose' | 'clonemove' | 'propagate';

export interface KernelBench {
  run(workload: KernelWorkload, size: number, reps: number): Sample[];
  /** The most mounts one namespace may hold here (fs.mount-max, less what it inherits). */
  readonly maxMounts: number;
}

/**
 * fs.mount-max counts every mount of the namespace, including the copies of
 * ours that unshare makes; keep a margin for the base tmpfs and round down.
 */
function mountCap(): number {
  const max = Number(readFileSync('/proc/sys/fs/mount-max', 'utf8').trim());
  const inherited = readFileSync('/proc/self/mountinfo', 'utf8').trim().split('\n').length;
  return Math.floor((max - inherited - 10) / 1000) * 1000;
}

/** The kernel side, or why it is skipped (one line). */
export function kernelBench(): KernelBench | { skipped: string } {
  const reason = unavailableReason();
  if (reason) return { skipped: reason };
  const built = buildMountbench();
  if (!built.ok) return { skipped: built.reason };
  const dir = join(BUILD_DIR, 'mnt');
  mkdirSync(dir, { recursive: true });
  const unshare = hostCommand('unshare');
  return {
    maxMounts: mountCap(),
    run(workload, size, reps) {
      const child = spawnSync(unshare, ['--mount', '--propagation', 'private', '--', built.path, dir, workload, String(size), String(reps)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 600_000,
      });
      if (child.status !== 0) throw new Error(`kernel ${workload} ${size}: ${child.stderr.trim() || child.error?.message || `exit status ${child.status ?? child.signal}`}`);
      return parseSamples(child.stdout);
    },
  };
}
