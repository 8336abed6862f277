// --jobs N: the search split N ways (search.ts's shards) on worker
// threads, merged: the union of the states met, and for each property the
// shortest counterexample (ties to the alphabet's order, as one thread
// would find it). --shard i/n composes with it: job j of shard i runs
// sub-shard i + n·j of n·N.

import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { Variant } from '../kernel/variants';
import { search, type Counterexample, type Progress, type SearchResult } from './search';
import type { PropertyId } from './properties';

export interface ParallelOptions {
  readonly variant: Variant;
  readonly alphabet: readonly string[];
  readonly setup: readonly string[];
  readonly depth: number;
  readonly jobs: number;
  readonly shard: { readonly i: number; readonly n: number };
  readonly keepStates: boolean;
  readonly onProgress?: (p: Progress) => void;
}

/** Which is shorter, then earlier in the alphabet's order. */
function better(a: Counterexample, b: Counterexample, alphabet: readonly string[]): boolean {
  if (a.commands.length !== b.commands.length) return a.commands.length < b.commands.length;
  const ia = a.commands.map((c) => alphabet.indexOf(c));
  const ib = b.commands.map((c) => alphabet.indexOf(c));
  for (let i = 0; i < ia.length; i++) if (ia[i] !== ib[i]) return ia[i]! < ib[i]!;
  return false;
}

export function merge(results: readonly SearchResult[], alphabet: readonly string[], elapsedMs: number): SearchResult {
  const states = new Map<string, number[]>();
  const counterexamples: Partial<Record<PropertyId, Counterexample>> = {};
  for (const r of results) {
    for (const [key, seq] of r.stateSequences ?? []) {
      const known = states.get(key);
      if (!known || seq.length < known.length) states.set(key, seq);
    }
    for (const c of Object.values(r.counterexamples)) {
      const known = counterexamples[c!.property];
      if (!known || better(c!, known, alphabet)) counterexamples[c!.property] = c!;
    }
  }
  const perDepth = results[0]!.perDepth.map((_, d) => [...states.values()].filter((s) => s.length === d).length);
  return {
    variant: results[0]!.variant,
    depth: results[0]!.depth,
    alphabet,
    setup: results[0]!.setup,
    states: states.size,
    steps: results.reduce((n, r) => n + r.steps, 0),
    perDepth,
    counterexamples,
    stateSequences: states,
    elapsedMs,
  };
}

/** The worker's source: ts-node first, as bin/mountspec.js does for the main thread. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
require('ts-node').register({ transpileOnly: true, project: workerData.project });
require(workerData.module).runWorker(parentPort, workerData.options);
`;

export async function searchParallel(o: ParallelOptions): Promise<SearchResult> {
  const started = performance.now();
  if (o.jobs <= 1) return search(o);
  const n = o.shard.n * o.jobs;
  const progress = new Map<number, Progress>();
  const results = await Promise.all(
    Array.from({ length: o.jobs }, (_, j) => {
      const options = { variantSpec: { id: o.variant.id, description: o.variant.description, base: o.variant.base, patches: o.variant.patches, reverts: o.variant.reverts }, alphabet: o.alphabet, setup: o.setup, depth: o.depth, shard: { i: o.shard.i + o.shard.n * j, n } };
      const worker = new Worker(WORKER, { eval: true, workerData: { project: path.join(__dirname, '..', '..', 'tsconfig.json'), module: path.join(__dirname, 'parallel.ts'), options } });
      return new Promise<SearchResult>((resolve, reject) => {
        worker.on('message', (m: { progress?: Progress; result?: SearchResult }) => {
          if (m.progress) {
            progress.set(j, m.progress);
            const all = [...progress.values()];
            o.onProgress?.({ depth: Math.max(...all.map((p) => p.depth)), states: all.reduce((s, p) => s + p.states, 0), elapsedMs: performance.now() - started });
          }
          if (m.result) resolve(m.result);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => code !== 0 && reject(new Error(`explore worker ${j} exited with status ${code}`)));
      });
    }),
  );
  return merge(results, o.alphabet, performance.now() - started);
}

/** In a worker thread: one sub-shard, its states kept for the merge. */
export function runWorker(port: import('node:worker_threads').MessagePort, options: { variantSpec: Parameters<typeof import('../kernel/variants').makeVariant>[0]; alphabet: string[]; setup: string[]; depth: number; shard: { i: number; n: number } }): void {
  const { makeVariant } = require('../kernel/variants') as typeof import('../kernel/variants');
  const result = search({
    variant: makeVariant(options.variantSpec),
    alphabet: options.alphabet,
    setup: options.setup,
    depth: options.depth,
    shard: options.shard,
    keepStates: true,
    onProgress: (p) => port.postMessage({ progress: p }),
  });
  port.postMessage({ result });
}
