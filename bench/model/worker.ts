// A child process per model workload: every measurement starts from a fresh
// heap (one run's garbage never lands in the next row), the memory row gets
// --expose-gc, and a profile covers one workload alone.
//   node --expose-gc -r ts-node/register/transpile-only bench/model/worker.ts WORKLOAD SIZE REPS [WINDOW]
// Prints "metric size value" lines, the format of bench/kernel/mountbench.c.
// When run under node --cpu-prof, WINDOW names a file for the workload's
// start and end (µs, the profiler's clock), so the summary can leave out
// ts-node compiling the engine, which would otherwise drown the model's time.
// The workloads of rows 1 and 2 first run WARM_UP_RUNS times untimed (at
// most WARM_UP_SIZE operations each): the kernel side is compiled C, while
// the model's first runs are interpreted and compiled by V8 on the way (the
// JIT, on background threads that the CPU times count), which measures V8's
// start-up rather than the model. Measured on the model of 208af1e, CPU time
// per run without warm-up: 1,000 × open_tree + move_mount + close + umount
// 63, 65, 95, 40, 30, 16, 10, 10, 5.1, 6.9, 5.5, 5.4 ms (steady from the
// ninth run on); umount -l of 1,000 mounts 8.1, 8.2, 3.6, 4.7, 6.9, 2.0, 2.0,
// 5.6, 4.6, 1.4, 1.0, 0.85 ms. After 5 warm-up runs the first timed ones
// were still falling (19.5, 13.0, 11.1, then 5.1-5.7 ms), hence 10.
// Their samples are dropped.

import { writeFileSync } from 'node:fs';
import type { Sample } from '../samples';
import { bytesPerMount } from './memory';
import { sessionRun } from './session';
import { nestedShells, simpleCommands } from './shell-scale';
import { WORKLOADS } from './workloads';

/** Untimed runs before the timed ones, for the workloads compared with the kernel. */
const WARM_UP_RUNS = 10;
/** The size of those runs: the JIT needs repetitions, not a bigger tree (100,000 mounts would add seconds each). */
const WARM_UP_SIZE = 10_000;

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
  if (Object.hasOwn(WORKLOADS, name!)) for (let i = 0; i < WARM_UP_RUNS; i++) workload(Math.min(n, WARM_UP_SIZE));
  const start = micros();
  const samples = Array.from({ length: r }, () => workload(n)).flat();
  if (window) writeFileSync(window, JSON.stringify({ start, end: micros() }));
  for (const s of samples) process.stdout.write(`${s.metric} ${s.size} ${s.value}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
