// The machine: id allocation, printk, the modelled call stack, and the two
// ways a syscall can fail to return (a soft lockup, a hung task). A stuck
// CPU is not an errno and not a bug of ours: it unwinds the model out of the
// syscall as a StuckTask, and the shell reports the command as never returning.

import type { Kernel, Task } from './types';

/**
 * Runs `body` as the modelled kernel function `name` (for call traces). A
 * function the compiler inlined (`inline`) has no frame of its own in a
 * call trace, so it pushes none: its name stays in the code, for the reader.
 */
export function traced<T>(k: Kernel, name: string, body: () => T, options?: { inline?: boolean }): T {
  if (options?.inline) return body();
  k.frames.push(name);
  try {
    return body();
  } finally {
    k.frames.pop();
  }
}

/** printk(): one line of the kernel log. */
export function printk(k: Kernel, line: string): void {
  k.log.push(line);
}

/** `[comm:pid]` of the running task, as watchdog and WARN lines print it. */
export function currentTag(k: Kernel): string {
  const t = k.current;
  return t ? `${t.comm}:${t.pid}` : 'swapper/0:0';
}

/** The frames a call trace prints, innermost first (inlined functions have none). */
function callTrace(k: Kernel): string[] {
  return [...k.frames].reverse();
}

/** The task never comes back from the kernel: the CPU spins or the task sleeps forever. */
export class StuckTask extends Error {
  constructor(readonly kind: 'soft lockup' | 'hung task' | 'waiting for input', readonly task: Task | null) {
    super(kind);
    this.name = 'StuckTask';
  }
}

/**
 * A loop that can make no progress (e.g. group_pin_kill() meeting a pin that
 * is already done): report it as kernel/watchdog.c would, then unwind.
 */
export function softLockup(k: Kernel): never {
  const trace = callTrace(k);
  printk(k, `watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [${currentTag(k)}]`);
  printk(k, `RIP: 0010:${trace[0] ?? '?'}`);
  printk(k, 'Call Trace:');
  for (const name of trace) printk(k, ` ${name}`);
  throw new StuckTask('soft lockup', k.current);
}

/** A task sleeping uninterruptibly on something that cannot happen (khungtaskd). */
export function hungTask(k: Kernel): never {
  const trace = callTrace(k);
  const t = k.current;
  printk(k, `INFO: task ${t?.comm ?? '?'}:${t?.pid ?? 0} blocked for more than 120 seconds.`);
  printk(k, 'Call Trace:');
  for (const name of trace) printk(k, ` ${name}`);
  throw new StuckTask('hung task', k.current);
}

/** WARN_ON() firing: a WARNING line naming the function, and the trace. */
export function warn(k: Kernel, where: string, what: string): void {
  printk(k, `WARNING: CPU: 0 PID: ${k.current?.pid ?? 0} at ${where} (${what}) [${currentTag(k)}]`);
  printk(k, 'Call Trace:');
  for (const name of callTrace(k)) printk(k, ` ${name}`);
}

/** A use of freed memory, as KASAN reports it: the bad access and the call trace. */
export function useAfterFree(k: Kernel, fn: string, what: string): void {
  printk(k, `BUG: KASAN: use-after-free in ${fn} (${what}) [${currentTag(k)}]`);
  printk(k, 'Call Trace:');
  for (const name of callTrace(k)) printk(k, ` ${name}`);
}
