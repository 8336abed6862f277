// Row 5: commands per second through the transcript shell, on one generated
// transcript: in process (ModelSession), and through the CLI as a user runs
// it (`node bin/mountspec.js run`, start-up included). The reference is the
// same transcript through the CLI on the live kernel: real bash, mount and
// umount in a throwaway namespace.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, rate, ratio } from '../format';
import { runModel } from '../model/run';
import type { Options } from '../options';
import { BUILD_DIR, REPO_ROOT } from '../paths';
import { progress } from '../progress';
import { median, medianOf } from '../samples';
import type { Row } from '../table';
import { generateTranscript } from '../transcript';

const COMMANDS = 1_500;

/** Median wall time of `mountspec run --kernel K FILE`, or why it failed. */
function timeCli(kernel: string, file: string, runs: number): { ns: number } | { skipped: string } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    progress(`mountspec run --kernel ${kernel} (${i + 1}/${runs})`);
    const t0 = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'mountspec.js'), 'run', '--kernel', kernel, file], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
    times.push(Number(process.hrtime.bigint() - t0));
    if (child.status !== 0) return { skipped: child.stderr.trim().split('\n').pop()?.replace(/^mountspec: /, '') || `exit status ${child.status}` };
  }
  return { ns: median(times) };
}

export function shellRows(options: Options, liveSkipped: string | null): Row[] {
  const text = generateTranscript(COMMANDS);
  const commands = text.trim().split('\n').length;
  mkdirSync(BUILD_DIR, { recursive: true });
  const file = join(BUILD_DIR, 'transcript.txt');
  writeFileSync(file, text);
  progress(`model: ${count(commands)} commands through ModelSession`);
  const session = medianOf(runModel('session', COMMANDS, options.runs), 'session');
  const cli = timeCli('mainline', file, options.slowRuns);
  const live = liveSkipped ? { skipped: liveSkipped } : timeCli('live', file, options.slowRuns);
  const perSecond = (ns: number) => (commands * 1e9) / ns;
  const reference = 'skipped' in live ? `skipped: ${live.skipped}` : `live kernel via the CLI ${rate(perSecond(live.ns))}`;
  const vsLive = (ns: number) => ('skipped' in live ? '—' : ratio(perSecond(ns), perSecond(live.ns)));
  return [
    { group: '5', what: `transcript shell, ModelSession in process (${count(commands)} commands)`, model: `${rate(perSecond(session))}`, reference, ratio: vsLive(session) },
    { group: '5', what: 'transcript shell, node bin/mountspec.js run --kernel mainline (start-up included)', model: 'skipped' in cli ? `failed: ${cli.skipped}` : rate(perSecond(cli.ns)), reference, ratio: 'skipped' in cli ? '—' : vsLive(cli.ns) },
  ];
}
