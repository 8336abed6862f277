// `npm run fuzz -- --runs N [--seed S]`: random transcripts on the mainline
// model and the live kernel. Prints the disagreement rate; shrinks the first
// disagreements to minimal transcripts and saves each as a feature file in
// features/fuzz/ (to be explained and fixed, then kept as a regression).

import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../engine/backends';
import type { Backend, TranscriptLine } from '../engine/transcript/types';
import { describeDisagreement, disagreements, type Disagreement } from './differential';
import { transcriptArbitrary } from './transcript-arbitrary';

const asLines = (commands: readonly string[]): TranscriptLine[] => commands.map((command, i) => ({ command, file: 'fuzz', line: i + 1 }));

export async function compare(mainline: Backend, live: Backend, commands: readonly string[]): Promise<Disagreement[]> {
  const lines = asLines(commands);
  return disagreements(await mainline.run(lines), await live.run(lines));
}

/** Shrink a disagreeing transcript with fast-check, starting from it. */
async function shrink(mainline: Backend, live: Backend, commands: string[]): Promise<string[]> {
  const details = await fc.check(
    fc.asyncProperty(transcriptArbitrary(Math.max(12, commands.length)), async (t) => (await compare(mainline, live, t)).length === 0),
    { examples: [[commands]], numRuns: 1, endOnFailure: false },
  );
  return (details.counterexample?.[0] as string[] | undefined) ?? commands;
}

function featureFor(commands: readonly string[], found: readonly Disagreement[]): string {
  const first = found[0]!;
  return [
    `Feature: fuzz: mainline and the live kernel disagree on "${first.command}"`,
    '  Found by `npm run fuzz`, shrunk to this transcript. Explain it, fix the model,',
    '  and turn it into a scenario with real expectations.',
    '',
    `  # ${describeDisagreement(first).split('\n').join('\n  # ')}`,
    '  Scenario: the shrunk transcript',
    '    When the shell session runs:',
    '      """',
    ...commands.map((c) => `      # ${c}`),
    '      """',
    '    Then no command gets stuck',
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' }, seed: { type: 'string' }, save: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  const mainline = await createBackend('mainline');
  const live = await createBackend('live');
  const samples = fc.sample(transcriptArbitrary(), { numRuns: runs, seed });
  const failing: { commands: string[]; found: Disagreement[] }[] = [];
  const started = Date.now();
  for (const [i, commands] of samples.entries()) {
    const found = await compare(mainline, live, commands);
    if (found.length) failing.push({ commands, found });
    if ((i + 1) % 100 === 0) process.stdout.write(`  ${i + 1}/${runs} runs, ${failing.length} disagreements\n`);
  }
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`${runs} random transcripts (seed ${seed}) on mainline and ${live.description}: ${failing.length} disagreements (${((100 * failing.length) / runs).toFixed(2)}%), ${seconds.toFixed(1)} s\n`);
  const dir = join(__dirname, '..', 'features', 'fuzz');
  for (const { commands } of failing.slice(0, Number(values.save))) {
    const minimal = await shrink(mainline, live, commands);
    const found = await compare(mainline, live, minimal);
    if (!found.length) continue;
    mkdirSync(dir, { recursive: true });
    const name = `disagreement-${seed}-${failing.findIndex((f) => f.commands === commands) + 1}.feature`;
    writeFileSync(join(dir, name), featureFor(minimal, found));
    process.stdout.write(`\nsaved features/fuzz/${name}:\n${minimal.map((c) => `  # ${c}`).join('\n')}\n${found.map(describeDisagreement).join('\n')}\n`);
  }
  return failing.length ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (status) => (process.exitCode = status),
    (error: unknown) => {
      process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
