// fsmount [-c] [-o ATTR,...] N M CMD: engine/live/helpers/fsmount.c.

import {
  FSMOUNT_CLOEXEC, MOUNT_ATTR_NOATIME, MOUNT_ATTR_NODEV, MOUNT_ATTR_NODIRATIME, MOUNT_ATTR_NOEXEC, MOUNT_ATTR_NOSYMFOLLOW, MOUNT_ATTR_NOSUID, MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_RELATIME, MOUNT_ATTR_STRICTATIME,
} from '../../kernel/constants';
import { DialectError, type TranscriptLine } from '../../transcript/types';
import { defineProgram, type ProgramContext, type ProgramOutcome } from '../program';
import { failed, fdOperand, installAndExec, needCommand } from './fs-context-helpers';

/** -o: MOUNT_ATTR_* by name (relatime is 0: the default). */
export const MOUNT_ATTRS: Readonly<Record<string, number>> = {
  rdonly: MOUNT_ATTR_RDONLY,
  nosuid: MOUNT_ATTR_NOSUID,
  nodev: MOUNT_ATTR_NODEV,
  noexec: MOUNT_ATTR_NOEXEC,
  relatime: MOUNT_ATTR_RELATIME,
  noatime: MOUNT_ATTR_NOATIME,
  strictatime: MOUNT_ATTR_STRICTATIME,
  nodiratime: MOUNT_ATTR_NODIRATIME,
  nosymfollow: MOUNT_ATTR_NOSYMFOLLOW,
};

export interface FsmountArgs {
  readonly cloexec: boolean;
  readonly attrFlags: number;
  readonly fd: number;
  readonly newFd: number;
  readonly command: readonly string[];
}

export function parseFsmount(argv: readonly string[], place: TranscriptLine): FsmountArgs {
  let cloexec = false;
  let attrFlags = 0;
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    if (argv[i] === '-c') cloexec = true;
    else if (argv[i] === '-o' && argv[i + 1] !== undefined) {
      for (const name of argv[++i]!.split(',')) {
        const flag = MOUNT_ATTRS[name];
        if (flag === undefined) throw new DialectError(place, `fsmount: ATTR is one of ${Object.keys(MOUNT_ATTRS).join(' ')}`);
        attrFlags |= flag;
      }
    } else throw new DialectError(place, 'the dialect has "fsmount [-c] [-o ATTR,...] FD NEWFD CMD"');
  }
  const fd = fdOperand(argv[i], 'fsmount: FD', place);
  const newFd = fdOperand(argv[i + 1], 'fsmount: NEWFD', place);
  const command = argv.slice(i + 2);
  needCommand(command, 'fsmount', place);
  return { cloexec, attrFlags, fd, newFd, command };
}

function runFsmount(ctx: ProgramContext, args: FsmountArgs): ProgramOutcome {
  const mounted = ctx.sys.fsmount({ fd: args.fd, flags: args.cloexec ? FSMOUNT_CLOEXEC : 0, attrFlags: args.attrFlags });
  if (!mounted.ok) return failed(ctx, 'fsmount', mounted);
  return installAndExec(ctx, 'fsmount', mounted.value, args.newFd, args.cloexec, args.command);
}

export const fsmount = defineProgram({
  name: 'fsmount',
  usage: ['fsmount [-c] [-o ATTR[,ATTR...]] N M CMD [ARG...]'],
  summary:
    '`fsmount(N, FSMOUNT_CLOEXEC with -c, MOUNT_ATTR_*)`: a detached mount of the superblock the context on fd N created, on fd M, then CMD; ATTR is one of `rdonly nosuid nodev noexec relatime noatime strictatime nodiratime nosymfollow`',
  parse: parseFsmount,
  execs: (args) => args.command,
  run: runFsmount,
  live: { helper: 'fsmount' },
});
