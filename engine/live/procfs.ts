import { readFileSync, statSync } from 'node:fs';

// Tells, from outside, that a line started a nested shell: a shell process
// of the namespace that we did not know about is blocked in read(0, …) on
// the transcript's stdin pipe, i.e. waiting for the next line. (A non-shell
// reading stdin, like a bare `cat`, is not a shell: it stays a hang.) Only
// new shells count: the shell that was sent the line may still be asleep in
// read() for an instant after we wrote it.

const READ_SYSCALL: Partial<Record<string, number>> = { x64: 0, arm64: 63, riscv64: 63, ia32: 3, arm: 3 };
const SHELL_NAMES = new Set(['sh', 'bash']);

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** `pid` and all its descendants (in a PID namespace: every process of it, from its init). */
export function descendants(pid: number): number[] {
  const all: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift()!;
    all.push(next);
    // Our processes are single-threaded, so the main thread's children are all of them.
    const children = read(`/proc/${next}/task/${next}/children`);
    if (children) queue.push(...children.trim().split(/\s+/).filter(Boolean).map(Number));
  }
  return all;
}

/** Identity of what `pid` has open on fd 0 (device and inode: the FIFO's name changes once unlinked). */
export function stdinIdentity(pid: number): string | null {
  try {
    const stat = statSync(`/proc/${pid}/fd/0`);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/** True when `pid` is blocked in read() on fd 0 and fd 0 is the `stdin` FIFO. */
export function isReadingStdin(pid: number, stdin: string): boolean {
  const nr = READ_SYSCALL[process.arch];
  if (nr === undefined) return false;
  const syscall = read(`/proc/${pid}/syscall`);
  if (!syscall) return false;
  const [number, fd] = syscall.trim().split(' ');
  if (Number(number) !== nr || fd !== '0x0') return false;
  return stdinIdentity(pid) === stdin;
}

/** A shell among `root`'s descendants, not in `known`, waiting for a line on the stdin pipe. */
export function findWaitingShell(root: number, stdin: string, known: ReadonlySet<number>): number | null {
  for (const pid of descendants(root)) {
    if (known.has(pid)) continue;
    const comm = read(`/proc/${pid}/comm`)?.trim();
    if (comm === undefined || !SHELL_NAMES.has(comm)) continue;
    if (isReadingStdin(pid, stdin)) return pid;
  }
  return null;
}
