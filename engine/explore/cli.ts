// `mountspec explore`: the bounded-exhaustive search, from the command line.
// Exit status: 0 when no property is violated, 1 when one is (the shortest
// counterexamples are printed), 2 for bad arguments.

import { parseArgs } from 'node:util';
import { buildAlphabet, DEFAULT_ALPHABET, EXTRAS, worldSetup, type Extra } from './alphabet';
import { confirm } from './confirm';
import { searchParallel } from './parallel';
import { PROPERTIES } from './properties';
import { toJson, toText, type Report } from './report';
import { parseVariant } from './variant-expr';
import type { Progress } from './search';

export const EXPLORE_USAGE = `usage: mountspec explore --kernel <variant>[+PATCH|-PATCH...] [--depth D] [--paths P,Q] [--fds 3,4]
                        [--with ${EXTRAS.join(',')}] [--jobs N] [--shard i/n] [--json] [--alphabet]
                        [--write-features] [--live]`;

export class ExploreUsageError extends Error {}

function list(value: string | undefined, fallback: readonly string[]): string[] {
  return value === undefined ? [...fallback] : value.split(',').filter(Boolean);
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ExploreUsageError(`--${name} must be a positive integer, not "${value}"`);
  return n;
}

export function progressLine(p: Progress): string {
  const secs = p.elapsedMs / 1000;
  return `explore: depth ${p.depth}, ${p.states} states, ${Math.round(p.states / Math.max(secs, 0.001))} states/s, ${secs.toFixed(0)} s`;
}

export async function exploreMain(args: readonly string[], io: { out: (t: string) => void; err: (t: string) => void }): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        kernel: { type: 'string' },
        depth: { type: 'string' },
        paths: { type: 'string' },
        fds: { type: 'string' },
        with: { type: 'string' },
        jobs: { type: 'string' },
        shard: { type: 'string' },
        json: { type: 'boolean' },
        alphabet: { type: 'boolean' },
        'write-features': { type: 'boolean' },
        live: { type: 'boolean' },
        quiet: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new ExploreUsageError((error as Error).message);
  }
  if (values['write-features']) {
    const { writeFeatures } = require('./features') as typeof import('./features');
    return writeFeatures({ depth: positiveInt('depth', values.depth, 6), jobs: positiveInt('jobs', values.jobs, 1), io });
  }
  if (!values.kernel) throw new ExploreUsageError('--kernel is required');
  let variant;
  try {
    variant = parseVariant(values.kernel);
  } catch (error) {
    throw new ExploreUsageError((error as Error).message);
  }
  const extras = list(values.with, []);
  for (const e of extras) if (!(EXTRAS as readonly string[]).includes(e)) throw new ExploreUsageError(`--with: unknown "${e}": choose from ${EXTRAS.join(', ')}`);
  const fds = list(values.fds, DEFAULT_ALPHABET.fds.map(String)).map((f) => {
    const n = Number(f);
    if (!Number.isInteger(n) || n < 3 || n > 9) throw new ExploreUsageError(`--fds: "${f}" is not an fd from 3 to 9`);
    return n;
  });
  const paths = list(values.paths, DEFAULT_ALPHABET.paths);
  for (const p of paths) if (!/^\/[a-z0-9]+$/.test(p)) throw new ExploreUsageError(`--paths: "${p}" is not a top-level directory such as /mnt`);
  const world = { paths, fds, extras: extras as Extra[] };
  const alphabet = buildAlphabet(world);
  if (values.alphabet) {
    io.out(`${alphabet.join('\n')}\n`);
    return 0;
  }
  const shardMatch = /^(\d+)\/(\d+)$/.exec(values.shard ?? '0/1');
  const shard = shardMatch ? { i: Number(shardMatch[1]), n: Number(shardMatch[2]) } : null;
  if (!shard || shard.n < 1 || shard.i >= shard.n) throw new ExploreUsageError(`--shard must be i/n with 0 ≤ i < n, not "${values.shard}"`);
  const depth = positiveInt('depth', values.depth, 5);
  const jobs = positiveInt('jobs', values.jobs, 1);
  // One line rewritten in place on a terminal; one line a second in a log.
  const tty = process.stderr.isTTY === true;
  const progress = !values.quiet && !values.json ? (p: Progress) => io.err(tty ? `\r${progressLine(p)}\x1b[K` : `${progressLine(p)}\n`) : undefined;
  const setup = worldSetup(world);
  const result = await searchParallel({ variant, alphabet, setup, depth, jobs, shard, keepStates: values.live === true, ...(progress ? { onProgress: progress } : {}) });
  if (progress && tty) io.err('\n');
  const confirmations: Report['confirmations'] = {};
  for (const c of Object.values(result.counterexamples)) confirmations[c!.property] = await confirm(variant, [...setup, ...c!.commands], c!.property);
  const report: Report = { variant, result, confirmations, world };
  io.out(values.json ? toJson(report) : toText(report));
  let status = PROPERTIES.some((p) => result.counterexamples[p.id]) ? 1 : 0;
  if (values.live) {
    const { exploreLive } = require('./live') as typeof import('./live');
    const live = await exploreLive(variant, result, io);
    if (live.disagreements > 0) status = 1;
  }
  return status;
}

/** The `explore` subcommand as engine/cli.ts dispatches it: usage errors are exit 2. */
export async function exploreCommand(args: readonly string[], io: { out: (t: string) => void; err: (t: string) => void }): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${EXPLORE_USAGE}\n`);
    return 0;
  }
  try {
    return await exploreMain(args, io);
  } catch (error) {
    if (!(error instanceof ExploreUsageError)) throw error;
    io.err(`mountspec explore: ${error.message}\n${EXPLORE_USAGE}\n`);
    return 2;
  }
}
