// fsread N: engine/live/helpers/fsread.c.

import { DialectError, type TranscriptLine } from '../../transcript/types';
import { defineProgram, exit, type ProgramContext, type ProgramOutcome } from '../program';
import { failed, fdOperand } from './fs-context-helpers';

/** FD 0-2 are the session's terminal, which read() would wait on. */
export function parseFsread(argv: readonly string[], place: TranscriptLine): { readonly fd: number } {
  const fd = fdOperand(argv[1], 'fsread: FD', place);
  if (argv.length > 2) throw new DialectError(place, 'the dialect has "fsread FD"');
  if (fd < 3) throw new DialectError(place, 'fsread: FD 0, 1 and 2 are the terminal; use 3 or more');
  return { fd };
}

/** read() until there is nothing left: ENODATA ends an fs context's log, an empty read a file's end. */
function runFsread(ctx: ProgramContext, args: { readonly fd: number }): ProgramOutcome {
  for (;;) {
    const read = ctx.sys.read({ fd: args.fd, count: 4096 });
    if (!read.ok) return read.errno === 'ENODATA' ? exit(0) : failed(ctx, 'fsread', read);
    const text = read.value;
    if (text === '') return exit(0);
    ctx.out(text.endsWith('\n') ? text : `${text}\n`);
  }
}

export const fsread = defineProgram({
  name: 'fsread',
  usage: ['fsread N'],
  summary:
    '`read(2)` on the context on fd N until `ENODATA`: its log, one message a line (`e `, `w `, `i `); reopening a context, as `cat /proc/self/fd/N` does, is `ENXIO` on the kernel, so this is the form',
  parse: parseFsread,
  run: runFsread,
  live: { helper: 'fsread' },
});
