// What a program (a process the shell starts) is and what it gets. A
// program is userspace: it sees its argv, its two output streams and the
// syscalls its task makes, never the kernel's structures (a test,
// engine/userspace/boundary.test.ts, keeps it so).

import type { BoundSyscalls } from '../syscalls';
import type { TranscriptLine } from '../transcript/types';

export interface ProgramContext {
  /** argv with argv[0] the program's name (as on PATH: "mount", not "/bin/mount"). */
  readonly argv: readonly string[];
  /** argv[0] as it was typed ("/bin/sh", "-sh" for a login shell). */
  readonly argv0: string;
  /** The transcript line that started it (for dialect errors). */
  readonly place: TranscriptLine;
  readonly sys: BoundSyscalls;
  out(text: string): void;
  err(text: string): void;
  /**
   * execvp(argv[0], argv) with PATH=/bin: this process becomes that
   * program; null when there is no such program (ENOENT), which each
   * caller words its own way.
   */
  execvp(argv: readonly string[]): ProgramOutcome | null;
}

/**
 * A program's outcome: an exit status, or an exec of a shell (`sh` or
 * `bash`) that then reads the transcript's next lines in this same process;
 * argv0 is what it was told its name is ("-sh" for a login shell).
 */
export type ProgramOutcome = { readonly status: number } | { readonly execShell: string; readonly argv0: string };

/** Where the live backend's throwaway root gets /bin/NAME: a host command, or one of our C helpers (engine/live/helpers/). */
export type LiveBinary = { readonly host: string } | { readonly helper: string };

/**
 * One program of the dialect: its entry in the one registry
 * (engine/shell/registry.ts), which the dialect check, the model's shell,
 * the live root and the README's list all read.
 */
export interface ProgramSpec<Args = unknown> {
  /** Its name on PATH (/bin/NAME). */
  readonly name: string;
  /** The dialect's forms of it, for the docs ("mkdir [-p] DIR..."). */
  readonly usage: readonly string[];
  /** What it does, in a sentence, for the docs. */
  readonly summary: string;
  /**
   * argv (argv[0] its name) to what run needs; a form outside the dialect
   * is a DialectError naming the line. The dialect check calls it for every
   * line before anything runs, on the model and the live kernel alike.
   */
  parse(argv: readonly string[], place: TranscriptLine): Args;
  /** The command line it execs, if any (`unshare -m CMD...`): checked as a dialect command too. */
  execs?(args: Args): readonly string[];
  run(ctx: ProgramContext, args: Args): ProgramOutcome;
  readonly live: LiveBinary;
}

/** A ProgramSpec with its argument type inferred (the registry holds them as ProgramSpec<unknown>). */
export function defineProgram<Args>(spec: ProgramSpec<Args>): ProgramSpec {
  return spec as unknown as ProgramSpec;
}

/** Resolve a command word as bash does with PATH=/bin: a bare name, or /bin/NAME. */
export function programName(word: string): string {
  return word.startsWith('/bin/') ? word.slice('/bin/'.length) : word;
}

export function exit(status: number): ProgramOutcome {
  return { status };
}
