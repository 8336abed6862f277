// Row 5, in process: a generated transcript through ModelSession, the
// transcript shell the spec and the CLI use (parsing, the dialect check,
// invariants, mountinfo and a snapshot after every command included).

import { ModelSession } from '../../engine/shell/session';
import { parseTranscript } from '../../engine/transcript/parse';
import type { Sample } from '../samples';
import { generateTranscript } from '../transcript';

export function sessionRun(commands: number): Sample[] {
  const lines = parseTranscript(generateTranscript(commands), 'bench-transcript');
  const t0 = process.hrtime.bigint();
  const session = new ModelSession('mainline');
  for (const line of lines) {
    const result = session.run(line);
    // A failing command would time an error path: the generator is wrong.
    if (result.status !== 0) throw new Error(`session: "${line.command}" exited ${result.status}: ${result.stderr.trim()}`);
  }
  return [{ metric: 'session', size: lines.length, value: Number(process.hrtime.bigint() - t0) }];
}
