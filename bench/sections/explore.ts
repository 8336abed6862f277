// Row 7: the explorer (issue 12). Every distinct state to depth 6 over the
// thread's alphabet on each variant, with --jobs 2, against the target of
// 60 s on 2 cores; states/s and peak memory (maxRSS of a process of its own).
// Then fork against replay (engine/explore/fork.ts's choice), at depth 4.
// With --explore-minutes M (opt-in: 10 minutes per variant is 40 minutes):
// the deepest search that completes within M minutes, per variant.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MODEL_VARIANT_IDS } from '../../engine/kernel/variants';
import { bytes, count, duration, ratio } from '../format';
import type { Options } from '../options';
import { REPO_ROOT } from '../paths';
import { progress } from '../progress';
import type { Row } from '../table';

interface Run {
  readonly states: number;
  readonly steps: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssBytes: number;
  readonly violated: readonly string[];
}

const TARGET_S = 60;
const JOBS = 2;

function runSearch(variant: string, depth: number, jobs: number, strategy: 'fork' | 'replay', timeoutMs?: number): Run | null {
  const child = spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', join(__dirname, 'explore-run.ts'), variant, String(depth), String(jobs), strategy], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    ...(timeoutMs ? { timeout: timeoutMs } : {}),
  });
  if (child.status !== 0) return null;
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Run;
}

export function exploreRows(options: Options): Row[] {
  const rows: Row[] = [];
  for (const v of MODEL_VARIANT_IDS) {
    progress(`explore: ${v}, every state to depth 6, --jobs ${JOBS}`);
    const r = runSearch(v, 6, JOBS, 'fork');
    if (!r) {
      rows.push({ group: '7', what: `explore ${v}: every distinct state to depth 6`, model: 'failed', reference: `target ${TARGET_S} s`, ratio: '—' });
      continue;
    }
    rows.push({
      group: '7',
      what: `explore ${v}: every distinct state to depth 6 (--jobs ${JOBS}); found: ${r.violated.join(', ') || 'nothing'}`,
      model: `${duration(r.wallMs * 1e6)}: ${count(r.states)} states, ${count(Math.round(r.states / (r.wallMs / 1000)))} states/s, peak ${bytes(r.maxRssBytes)}`,
      reference: `target ${TARGET_S} s`,
      ratio: ratio(r.wallMs / 1000, TARGET_S),
    });
  }
  progress('explore: fork against replay, v12 to depth 4, one thread');
  const fork = runSearch('v12', 4, 1, 'fork');
  const replay = runSearch('v12', 4, 1, 'replay');
  if (fork && replay) {
    rows.push({ group: '7', what: `explore v12 to depth 4 (${count(fork.states)} states, ${count(fork.steps)} steps): forking each state's session vs replaying its commands`, model: `fork ${duration(fork.wallMs * 1e6)}`, reference: `replay ${duration(replay.wallMs * 1e6)}`, ratio: ratio(fork.wallMs, replay.wallMs) });
  }
  if (options.exploreMinutes) rows.push(...depthInBudget(options.exploreMinutes));
  return rows;
}

/** Deeper and deeper, each a full search in its own process, until one does not finish within the budget left. */
function depthInBudget(minutes: number): Row[] {
  const rows: Row[] = [];
  for (const v of MODEL_VARIANT_IDS) {
    const deadline = Date.now() + minutes * 60_000;
    let reached: { depth: number; run: Run } | null = null;
    for (let depth = 1; Date.now() < deadline; depth++) {
      progress(`explore: ${v}, depth ${depth}, ${Math.round((deadline - Date.now()) / 1000)} s left`);
      const run = runSearch(v, depth, JOBS, 'fork', deadline - Date.now());
      if (!run) break;
      reached = { depth, run };
    }
    rows.push({
      group: '7',
      what: `explore ${v}: the deepest complete search in ${minutes} min (--jobs ${JOBS})`,
      model: reached ? `depth ${reached.depth}: ${count(reached.run.states)} states in ${duration(reached.run.wallMs * 1e6)}` : 'not even depth 1',
      reference: '—',
      ratio: '—',
    });
  }
  return rows;
}
