// What the mount-API programs share (the fs-context ones, open_tree and
// open_tree_attr), as engine/live/helpers/mount_api.h does for the C helpers: an fd operand, "a command to run", the
// "NAME: strerror" failure, and "put the new fd where asked, then exec".

import { strerror, type Errno } from '../../errno';
import { DialectError, type TranscriptLine } from '../../transcript/types';
import { exit, type ProgramContext, type ProgramOutcome } from '../program';

const FD = /^\d{1,4}$/;

export function fdOperand(word: string | undefined, what: string, place: TranscriptLine): number {
  if (word === undefined || !FD.test(word)) throw new DialectError(place, `${what} must be a file descriptor number`);
  return Number(word);
}

export function needCommand(command: readonly string[], name: string, place: TranscriptLine): void {
  if (command.length === 0) throw new DialectError(place, `${name} runs a command with the new fd: add one ("sh" for a nested shell)`);
}

/** NAME: strerror, status 1: how each helper reports its syscall's failure. */
export function failed(ctx: ProgramContext, name: string, result: { readonly errno: Errno }): ProgramOutcome {
  ctx.err(`${name}: ${strerror(result.errno)}\n`);
  return exit(1);
}

/**
 * Put the new fd where the caller asked (dup3, then close the original),
 * drop it if it is close-on-exec (the exec would), then exec CMD.
 * As engine/live/helpers/mount_api.h:install_and_exec().
 */
export function installAndExec(ctx: ProgramContext, name: string, got: number, want: number, cloexec: boolean, command: readonly string[]): ProgramOutcome {
  if (got !== want) {
    ctx.sys.dup2({ oldfd: got, newfd: want });
    ctx.sys.close({ fd: got });
  }
  if (cloexec) ctx.sys.close({ fd: want });
  const executed = ctx.execvp(command);
  if (executed) return executed;
  ctx.err(`${name}: ${command[0]}: ${strerror('ENOENT')}\n`);
  return exit(127);
}
