// Runs one model workload in its own node process (bench/model/worker.ts),
// with --expose-gc for the memory row and, when asked, node --cpu-prof
// writing to build/bench/profiles/ for the hot-spot summary.

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR, REPO_ROOT } from '../paths';
import { parseSamples, type Sample } from '../samples';

export type ModelWorkload = 'mounts' | 'openclose' | 'clonemove' | 'propagate' | 'memory' | 'session' | 'commands' | 'nested';

export const PROFILE_DIR = join(BUILD_DIR, 'profiles');

/** Where a profiled run of `workload` at `size` leaves its .cpuprofile, and its time window (.window.json). */
export function profilePath(workload: ModelWorkload, size: number): string {
  return join(PROFILE_DIR, `${workload}-${size}.cpuprofile`);
}

function profileArgs(workload: ModelWorkload, size: number): { node: string[]; worker: string[] } {
  mkdirSync(PROFILE_DIR, { recursive: true });
  const file = profilePath(workload, size);
  // 100 µs: ten times finer than --cpu-prof's default, for the short workloads.
  return { node: ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', PROFILE_DIR, '--cpu-prof-name', `${workload}-${size}.cpuprofile`], worker: [`${file}.window.json`] };
}

/** `root`: the checkout whose model runs (--baseline names another one, which runs this checkout's bench/: baseline.ts). */
export function runModel(workload: ModelWorkload, size: number, reps: number, options: { profile?: boolean; root?: string } = {}): Sample[] {
  const profile = options.profile ? profileArgs(workload, size) : { node: [], worker: [] };
  const root = options.root ?? REPO_ROOT;
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', ...profile.node, '--require', 'ts-node/register/transpile-only', join(root, 'bench', 'model', 'worker.ts'), workload, String(size), String(reps), ...profile.worker],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 1_800_000, maxBuffer: 16 << 20 },
  );
  if (child.status !== 0) throw new Error(`model ${workload} ${size}: ${child.stderr.trim() || child.error?.message || `exit status ${child.status ?? child.signal}`}`);
  return parseSamples(child.stdout);
}
