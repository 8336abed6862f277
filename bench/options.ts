// `npm run bench -- [options]`:
//   --runs N        runs per fast row (default 5)
//   --slow-runs N   runs per slow row: 100,000 mounts, memory, the spec's own scripts (default 3)
//   --only LIST     some of: kernel,memory,spec,shell,scale,explore (default all; "kernel" is rows 1 and 2, "scale" row 6, "explore" row 7)
//   --explore-minutes M  also the explorer's deepest complete search in M minutes per variant (opt-in: slow)
//   --profile       also profile the model (node --cpu-prof) on rows 1 and 3 and print the hot spots
//   --baseline REF  the spec rows (4) also for a fresh clone of git REF, run alternately with HEAD;
//                   the model rows of section "kernel" (1, 2) also for REF's model (bench/model/baseline.ts),
//                   each right before this one's: before and after in one run

import { parseArgs } from 'node:util';

export const SECTIONS = ['kernel', 'memory', 'spec', 'shell', 'scale', 'explore'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Options {
  readonly runs: number;
  readonly slowRuns: number;
  readonly sections: ReadonlySet<Section>;
  readonly profile: boolean;
  readonly baseline: string | null;
  /** Opt-in: minutes per variant for the explorer's depth-in-budget rows (0: off). */
  readonly exploreMinutes: number;
}

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: --${name} takes a positive integer, not "${text}"`);
  return n;
}

export function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      runs: { type: 'string', default: '5' },
      'slow-runs': { type: 'string', default: '3' },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      baseline: { type: 'string' },
      'explore-minutes': { type: 'string' },
    },
  });
  const only = values.only?.split(',').filter(Boolean) ?? [...SECTIONS];
  for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`bench: --only takes ${SECTIONS.join(',')}, not "${s}"`);
  return {
    runs: positive('runs', values.runs),
    slowRuns: positive('slow-runs', values['slow-runs']),
    sections: new Set(only as Section[]),
    profile: values.profile,
    baseline: values.baseline ?? null,
    exploreMinutes: values['explore-minutes'] === undefined ? 0 : positive('explore-minutes', values['explore-minutes']),
  };
}
