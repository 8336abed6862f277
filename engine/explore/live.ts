// --live: the bounded-exhaustive differential. One representative
// transcript of each distinct state the search met (the first sequence that
// reached it, so the shortest) runs on the mainline model and on the live
// kernel, compared command by command as runner/differential.ts compares
// the spec's transcripts. A disagreement is a bug in the model or a kernel
// difference to state in the spec.

import type { Variant } from '../kernel/variants';
import { createModelBackend } from '../model-backend';
import { createLiveBackend } from '../live';
import { BackendUnavailable, type TranscriptLine } from '../transcript/types';
import { describeDisagreement, disagreements } from '../../runner/differential';
import type { SearchResult } from './search';

export interface LiveOutcome {
  readonly transcripts: number;
  readonly disagreements: number;
  readonly skipped: string | null;
}

export async function exploreLive(variant: Variant, result: SearchResult, io: { out: (t: string) => void; err: (t: string) => void }): Promise<LiveOutcome> {
  if (variant.id !== 'mainline') throw new Error('--live compares the mainline model with the live kernel: use --kernel mainline');
  let live;
  try {
    live = await createLiveBackend();
  } catch (error) {
    if (!(error instanceof BackendUnavailable)) throw error;
    io.out(`live: skipped: ${error.reason}\n`);
    return { transcripts: 0, disagreements: 0, skipped: error.reason };
  }
  const model = createModelBackend('mainline');
  const sequences = [...(result.stateSequences ?? new Map<string, number[]>()).values()].filter((s) => s.length > 0);
  let disagreeing = 0;
  const started = performance.now();
  for (const [n, sequence] of sequences.entries()) {
    const commands = [...result.setup, ...sequence.map((w) => result.alphabet[w]!)];
    const lines: TranscriptLine[] = commands.map((command, i) => ({ command, file: '<explore>', line: i + 1 }));
    const found = disagreements(await model.run(lines), await live.run(lines));
    if (found.length) {
      disagreeing++;
      io.out(`live: disagreement on:\n${lines.map((l) => `  # ${l.command}\n`).join('')}${found.map((d) => `  ${describeDisagreement(d)}\n`).join('')}`);
    }
    if ((n + 1) % 50 === 0) io.err(`explore --live: ${n + 1}/${sequences.length} transcripts, ${disagreeing} disagreeing, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  io.out(`live: ${sequences.length} transcripts (one per distinct state reached in 1–${result.depth} commands) run on the mainline model and on the live kernel: ${disagreeing} disagree\n`);
  return { transcripts: sequences.length, disagreements: disagreeing, skipped: null };
}
