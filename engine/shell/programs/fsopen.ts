// fsopen [-c] FSNAME N CMD: engine/live/helpers/fsopen.c.

import { FSOPEN_CLOEXEC } from '../../kernel/constants';
import { DialectError, type TranscriptLine } from '../../transcript/types';
import { defineProgram, type ProgramContext, type ProgramOutcome } from '../program';
import { failed, fdOperand, installAndExec, needCommand } from './fs-context-helpers';

/** The filesystems the dialect may open: the model's two, and one that no kernel has (ENODEV). */
export const DIALECT_FILESYSTEMS = ['tmpfs', 'proc', 'nosuchfs'] as const;

export interface FsopenArgs {
  readonly cloexec: boolean;
  readonly fsName: string;
  readonly fd: number;
  readonly command: readonly string[];
}

export function parseFsopen(argv: readonly string[], place: TranscriptLine): FsopenArgs {
  const cloexec = argv[1] === '-c';
  const [fsName, fd, ...command] = argv.slice(cloexec ? 2 : 1);
  if (!(DIALECT_FILESYSTEMS as readonly string[]).includes(fsName ?? '')) {
    throw new DialectError(place, `fsopen: FSNAME is one of ${DIALECT_FILESYSTEMS.join(', ')}`);
  }
  const args = { cloexec, fsName: fsName!, fd: fdOperand(fd, 'fsopen: FD', place), command };
  needCommand(command, 'fsopen', place);
  return args;
}

function runFsopen(ctx: ProgramContext, args: FsopenArgs): ProgramOutcome {
  const opened = ctx.sys.fsopen({ fsName: args.fsName, flags: args.cloexec ? FSOPEN_CLOEXEC : 0 });
  if (!opened.ok) return failed(ctx, 'fsopen', opened);
  return installAndExec(ctx, 'fsopen', opened.value, args.fd, args.cloexec, args.command);
}

export const fsopen = defineProgram({
  name: 'fsopen',
  usage: ['fsopen [-c] FSNAME N CMD [ARG...]'],
  summary: '`fsopen(FSNAME)` (`-c`: `FSOPEN_CLOEXEC`), the new filesystem context on fd N, then CMD runs with it; FSNAME is `tmpfs`, `proc`, or `nosuchfs` (`ENODEV`)',
  parse: parseFsopen,
  execs: (args) => args.command,
  run: runFsopen,
  live: { helper: 'fsopen' },
});
