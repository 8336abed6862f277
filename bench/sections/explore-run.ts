// One explorer search in a process of its own, so that its peak memory is its
// own: `node … explore-run.ts VARIANT DEPTH JOBS STRATEGY` prints one JSON line.

import { buildAlphabet, DEFAULT_ALPHABET, worldSetup } from '../../engine/explore/alphabet';
import { searchParallel } from '../../engine/explore/parallel';
import { search } from '../../engine/explore/search';
import { parseVariant } from '../../engine/explore/variant-expr';

async function main(): Promise<void> {
  const [expr, depthText, jobsText, strategy] = process.argv.slice(2);
  const variant = parseVariant(expr!);
  const alphabet = buildAlphabet(DEFAULT_ALPHABET);
  const setup = worldSetup(DEFAULT_ALPHABET);
  const depth = Number(depthText);
  const jobs = Number(jobsText);
  const started = performance.now();
  const r =
    strategy === 'replay'
      ? search({ variant, alphabet, setup, depth, strategy: 'replay' })
      : await searchParallel({ variant, alphabet, setup, depth, jobs, shard: { i: 0, n: 1 }, keepStates: false });
  const wallMs = performance.now() - started;
  // maxRSS covers the worker threads too: they share the process.
  process.stdout.write(`${JSON.stringify({ states: r.states, steps: r.steps, wallMs, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024, violated: Object.keys(r.counterexamples) })}\n`);
}

void main();
