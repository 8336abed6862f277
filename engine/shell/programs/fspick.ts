// fspick [-c] [-s] [-a] PATH N CMD: engine/live/helpers/fspick.c.

import { AT_FDCWD, FSPICK_CLOEXEC, FSPICK_NO_AUTOMOUNT, FSPICK_SYMLINK_NOFOLLOW } from '../../kernel/constants';
import { DialectError, type TranscriptLine } from '../../transcript/types';
import { defineProgram, type ProgramContext, type ProgramOutcome } from '../program';
import { failed, fdOperand, installAndExec, needCommand } from './fs-context-helpers';

export interface FspickArgs {
  readonly flags: number;
  readonly path: string;
  readonly fd: number;
  readonly command: readonly string[];
}

const OPTIONS: Readonly<Record<string, number>> = { '-c': FSPICK_CLOEXEC, '-s': FSPICK_SYMLINK_NOFOLLOW, '-a': FSPICK_NO_AUTOMOUNT };

export function parseFspick(argv: readonly string[], place: TranscriptLine): FspickArgs {
  let flags = 0;
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const flag = OPTIONS[argv[i]!];
    if (flag === undefined) throw new DialectError(place, 'the dialect has "fspick [-c] [-s] [-a] PATH FD CMD"');
    flags |= flag;
  }
  const path = argv[i];
  if (path === undefined) throw new DialectError(place, 'fspick: PATH is missing');
  const fd = fdOperand(argv[i + 1], 'fspick: FD', place);
  const command = argv.slice(i + 2);
  needCommand(command, 'fspick', place);
  return { flags, path, fd, command };
}

function runFspick(ctx: ProgramContext, args: FspickArgs): ProgramOutcome {
  const picked = ctx.sys.fspick({ dfd: AT_FDCWD, path: args.path, flags: args.flags });
  if (!picked.ok) return failed(ctx, 'fspick', picked);
  return installAndExec(ctx, 'fspick', picked.value, args.fd, (args.flags & FSPICK_CLOEXEC) !== 0, args.command);
}

export const fspick = defineProgram({
  name: 'fspick',
  usage: ['fspick [-c] [-s] [-a] P N CMD [ARG...]'],
  summary: '`fspick(AT_FDCWD, P, ...)` (`-c` `FSPICK_CLOEXEC`, `-s` `FSPICK_SYMLINK_NOFOLLOW`, `-a` `FSPICK_NO_AUTOMOUNT`): a context for reconfiguring the superblock mounted at P, on fd N, then CMD',
  parse: parseFspick,
  execs: (args) => args.command,
  run: runFspick,
  live: { helper: 'fspick' },
});
