// What a program (a process the shell starts) gets: its task, argv, and
// its two output streams. Programs call the model's syscalls as the real
// ones call the kernel's.

import { AT_FDCWD, MNT_NOEXEC } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { pathLookupAt } from '../fs/namei';
import { syscalls, type Syscalls } from '../syscalls';
import type { TranscriptLine } from '../transcript/types';

type BoundSyscalls = { [K in keyof Syscalls]: (args: Parameters<Syscalls[K]>[2]) => ReturnType<Syscalls[K]> };

export interface ProgramContext {
  readonly k: Kernel;
  readonly task: Task;
  readonly argv: readonly string[];
  /** The transcript line that started it (for dialect errors). */
  readonly place: TranscriptLine;
  readonly sys: BoundSyscalls;
  out(text: string): void;
  err(text: string): void;
}

/**
 * A program's outcome: an exit status, or an exec of a shell (`sh` or
 * `bash`) that then reads the transcript's next lines in this same process;
 * argv0 is what it was told its name is ("-sh" for a login shell).
 */
export type ProgramOutcome = { readonly status: number } | { readonly execShell: string; readonly argv0: string };

export type Program = (ctx: ProgramContext) => ProgramOutcome;

/**
 * Would execve(2) of a program in /bin be refused? The model keeps no
 * files in /bin, so it asks the mount /bin resolves to: on a noexec mount
 * nothing may be executed (EACCES).
 * Analogous to fs/exec.c:do_open_execat() -> path_noexec() (6.18).
 */
export function binIsNoexec(k: Kernel, task: Task): boolean {
  const bin = pathLookupAt(k, task, AT_FDCWD, '/bin');
  return bin.ok && (bin.value.path.mnt.mnt_flags & MNT_NOEXEC) !== 0;
}

/** Shells a program can exec, or the shell can start: they read the next transcript lines. */
export const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash']);

/** Resolve a command word as bash does with PATH=/bin: a bare name, or /bin/NAME. */
export function programName(word: string): string {
  return word.startsWith('/bin/') ? word.slice('/bin/'.length) : word;
}

/**
 * execvp(argv[0], argv) with PATH=/bin from inside a program (unshare,
 * open_tree): a shell goes on reading the transcript in this process, a
 * program runs with `argv`; null when there is no such program (ENOENT),
 * which each caller words its own way.
 */
export function execvp(ctx: ProgramContext, programs: ReadonlyMap<string, Program>, argv: readonly string[]): ProgramOutcome | null {
  const word = argv[0]!;
  const name = programName(word);
  if (SHELLS.has(name)) return { execShell: name, argv0: word };
  const program = programs.get(name);
  return program ? program({ ...ctx, argv: [name, ...argv.slice(1)] }) : null;
}

/** The model's syscalls with kernel and task filled in. */
export function bindSyscalls(k: Kernel, task: Task): BoundSyscalls {
  const bound: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(syscalls)) {
    bound[name] = (args: never) => (fn as (k: Kernel, t: Task, a: never) => unknown)(k, task, args);
  }
  return bound as BoundSyscalls;
}

export function exit(status: number): ProgramOutcome {
  return { status };
}
