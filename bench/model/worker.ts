// A child process per model workload: every measurement starts from a fresh
// heap (one run's garbage never lands in the next row), the memory row gets
// --expose-gc, and a profile covers one workload alone.
//   node --expose-gc -r ts-node/register/transpile-only bench/model/worker.ts WORKLOAD SIZE REPS [WINDOW]
// Prints "metric size value" lines, the format of bench/kernel/mountbench.c.
// When run under node --cpu-prof, WINDOW names a file for the workload's
// start and end (µs, the profiler's clock), so the summary can leave out
// ts-node compiling the engine, which would otherwise drown the model's time.

import { writeFileSync } from 'node:fs';
import type { Sample } from '../samples';
import { bytesPerMount } from './memory';
import { sessionRun } from './session';
import { nestedShells, simpleCommands } from './shell-scale';
import { WORKLOADS } from './workloads';

const ALL: Readonly<Record<string, (n: number) => Sample[]>> = { ...WORKLOADS, memory: bytesPerMount, session: sessionRun, commands: simpleCommands, nested: nestedShells };

/** CLOCK_MONOTONIC in µs: the clock of a .cpuprofile's timestamps. */
function micros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function main(argv: readonly string[]): number {
  const [name, size, reps, window] = argv;
  const workload = name === undefined ? undefined : ALL[name];
  const n = Number(size);
  const r = Number(reps);
  if (!workload || !(n > 0) || !(r > 0)) {
    process.stderr.write(`usage: worker.ts ${Object.keys(ALL).join('|')} SIZE REPS [WINDOW]\n`);
    return 2;
  }
  const start = micros();
  const samples = Array.from({ length: r }, () => workload(n)).flat();
  if (window) writeFileSync(window, JSON.stringify({ start, end: micros() }));
  for (const s of samples) process.stdout.write(`${s.metric} ${s.size} ${s.value}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
