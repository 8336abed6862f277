// Row 6, in process: the transcript shell at scale, as `mountspec run`
// runs a transcript (engine/model-backend.ts stream(): the whole transcript
// parsed and checked against the dialect first, then every line through
// ModelSession without snapshots, no result kept). Two shapes, each timed
// from the text to the last result:
//   commands  N lines of `# true`: the cost of a simple command;
//   nested    N lines of `# sh`: each starts a shell inside the last one.
// Each process first runs 5,000 lines of the same shape untimed, so the
// small sizes time the shell rather than V8 compiling it (the CLI's
// start-up, compilation included, is row 5's), and collects the garbage of
// the run before (the worker has --expose-gc).

import { checkDialect } from '../../engine/shell/dialect';
import { ModelSession } from '../../engine/shell/session';
import { parseTranscript } from '../../engine/transcript/parse';
import type { CommandResult } from '../../engine/transcript/types';
import type { Sample } from '../samples';

const WARM_UP = 5_000;
const warmed = new Set<string>();

function runTranscript(text: string, file: string): { lines: number; last: CommandResult | null } {
  const lines = parseTranscript(text, file);
  for (const l of lines) checkDialect(l);
  const session = new ModelSession('mainline', { snapshots: false });
  let last: CommandResult | null = null;
  for (const l of lines) last = session.run(l);
  return { lines: lines.length, last };
}

function timeTranscript(metric: string, line: string, n: number): Sample[] {
  if (!warmed.has(metric)) runTranscript(`# ${line}\n`.repeat(WARM_UP), 'warm-up.txt');
  warmed.add(metric);
  const text = `# ${line}\n`.repeat(n);
  (globalThis as { gc?: () => void }).gc?.(); // the garbage of the run before is not this one's
  const t0 = process.hrtime.bigint();
  const { lines, last } = runTranscript(text, `${metric}.txt`);
  const ns = Number(process.hrtime.bigint() - t0);
  // `true` must succeed and `sh` must leave a shell reading: anything else times an error path.
  const expected = line === 'true' ? last?.status === 0 : last?.status === null && last.stuck === false;
  if (lines !== n || !expected) throw new Error(`${metric}: the last of ${n} "${line}" lines did not do what it should (${JSON.stringify(last && { status: last.status, stuck: last.stuck, stderr: last.stderr })})`);
  return [{ metric, size: n, value: ns }];
}

export function simpleCommands(n: number): Sample[] {
  return timeTranscript('commands', 'true', n);
}

export function nestedShells(n: number): Sample[] {
  return timeTranscript('nested', 'sh', n);
}
