// `npm run bench`: the model against the real kernel, and the spec's own
// speed, as one Markdown table (issue 6). No timing is asserted anywhere:
// the figures are for the README and for choosing what to optimise.
// Options: see options.ts. Afterwards, the docs site's own bench runs too
// (docs-build/bench.ts, another module's), when it exists.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { unavailableReason } from '../engine/live/probe';
import { kernelBench } from './kernel/run';
import { machine } from './machine';
import { parseOptions } from './options';
import { REPO_ROOT } from './paths';
import { kernelRows } from './sections/kernel';
import { exploreRows } from './sections/explore';
import { memoryRows } from './sections/memory';
import { profileReport } from './sections/profile';
import { shellRows } from './sections/shell';
import { shellScaleRows } from './sections/shell-scale';
import { specRows } from './sections/spec';
import { renderTable, type Row } from './table';

const FOOTNOTE = `Each figure is the median of several runs. The model is \`mainline\`, called in process (rows 1-3); the
kernel runs bench/kernel/mountbench.c in a throwaway mount namespace, timed inside. Ratios are model / reference:
for times and bytes below 1× is better, for commands per second above 1× is better.`;

const DOCS_BENCH = join(REPO_ROOT, 'docs-build', 'bench.ts');

/** The docs site's bench, if its module has one: `npm run bench` runs both. */
function docsBench(): number {
  if (!existsSync(DOCS_BENCH)) return 0;
  process.stdout.write('\n');
  const child = spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', DOCS_BENCH], { cwd: REPO_ROOT, stdio: 'inherit' });
  return child.status ?? 1;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const rows: Row[] = [];
  const started = Date.now();
  if (options.sections.has('kernel')) rows.push(...kernelRows(options, kernelBench()));
  if (options.sections.has('memory')) rows.push(...memoryRows(options));
  if (options.sections.has('spec')) rows.push(...(await specRows(options)));
  if (options.sections.has('shell')) rows.push(...shellRows(options, unavailableReason()));
  if (options.sections.has('scale')) rows.push(...shellScaleRows(options));
  if (options.sections.has('explore')) rows.push(...exploreRows(options));
  const profile = options.profile ? profileReport() : null;
  process.stdout.write(`\nmountspec bench, ${new Date().toISOString().slice(0, 10)}: ${machine()}\n\n${renderTable(rows)}\n\n${FOOTNOTE}\n`);
  if (profile) process.stdout.write(`\n${profile}\n`);
  process.stderr.write(`bench: done in ${Math.round((Date.now() - started) / 1000)} s\n`);
  return docsBench();
}

main().then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
