// `--profile`: one extra, profiled run of each model workload of rows 1 and
// 3 (never the timed runs: the profiler slows them), then the hot spots.
// The .cpuprofile files stay in build/bench/profiles/ for Chrome DevTools.

import { readFileSync, rmSync } from 'node:fs';
import { count } from '../format';
import { PROFILE_DIR, profilePath, runModel, type ModelWorkload } from '../model/run';
import { hotSpots } from '../profile';
import { progress } from '../progress';

/** [workload, size, repetitions]: enough repetitions for a few thousand samples each. */
const PROFILED: readonly (readonly [ModelWorkload, number, number])[] = [
  ['mounts', 10_000, 5],
  ['mounts', 100_000, 1],
  ['openclose', 100_000, 3],
  ['clonemove', 1_000, 10],
  ['propagate', 1_000, 3],
  ['memory', 100_000, 1],
];

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function profileReport(top = 8): string {
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  const parts: string[] = [];
  for (const [workload, size, reps] of PROFILED) {
    progress(`profiling the model: ${workload} ${count(size)} × ${reps}`);
    runModel(workload, size, reps, { profile: true });
    const file = profilePath(workload, size);
    const window = JSON.parse(readFileSync(`${file}.window.json`, 'utf8')) as { start: number; end: number };
    const lines = hotSpots(file, top, window).map((h) => `| ${percent(h.selfShare).padStart(6)} | ${percent(h.totalShare).padStart(6)} | ${h.name} |`);
    parts.push(`Hot spots, model \`${workload}\` at ${count(size)} (${reps} runs):\n\n| self | total | function |\n| ---: | ---: | --- |\n${lines.join('\n')}`);
  }
  return parts.join('\n\n');
}
