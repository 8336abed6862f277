// The fs-context and statmount programs, each as name, argument parser
// (which the dialect check calls), the command it execs, and run.

import type { TranscriptLine } from '../../transcript/types';
import type { ProgramContext, ProgramOutcome } from '../program';
import {
  type Exec, parseFsconfig, parseFsmount, parseFsopen, parseFspick, parseFsread, runFsconfig, runFsmount, runFsopen, runFspick, runFsread,
} from './fs-context';
import { parseListmount, parseStatmount, runListmount, runStatmount } from './statmount';

export interface MountApiProgram<Args = never> {
  readonly name: string;
  readonly usage: readonly string[];
  parse(argv: readonly string[], place: TranscriptLine): Args;
  execs?(args: Args): readonly string[];
  run(ctx: ProgramContext, args: Args, exec: Exec): ProgramOutcome;
}

function program<Args>(spec: MountApiProgram<Args>): MountApiProgram<Args> {
  return spec;
}

export const MOUNT_API_PROGRAMS = [
  program({ name: 'fsopen', usage: ['fsopen [-c] FSNAME FD CMD [ARG...]'], parse: parseFsopen, execs: (a) => a.command, run: runFsopen }),
  program({
    name: 'fsconfig',
    usage: ['fsconfig FD set_flag KEY', 'fsconfig FD set_string KEY VALUE', 'fsconfig FD create|create_excl|reconfigure'],
    parse: parseFsconfig,
    run: (ctx, args) => runFsconfig(ctx, args),
  }),
  program({ name: 'fsmount', usage: ['fsmount [-c] [-o ATTR[,ATTR...]] FD NEWFD CMD [ARG...]'], parse: parseFsmount, execs: (a) => a.command, run: runFsmount }),
  program({ name: 'fspick', usage: ['fspick [-c] [-s] [-a] PATH FD CMD [ARG...]'], parse: parseFspick, execs: (a) => a.command, run: runFspick }),
  program({ name: 'fsread', usage: ['fsread FD'], parse: parseFsread, run: (ctx, args) => runFsread(ctx, args) }),
  program({ name: 'statmount', usage: ['statmount PATH', 'statmount -i ID'], parse: parseStatmount, run: (ctx, args) => runStatmount(ctx, args) }),
  program({ name: 'listmount', usage: ['listmount [-r] [PATH | -i ID]'], parse: parseListmount, run: (ctx, args) => runListmount(ctx, args) }),
] as readonly MountApiProgram<unknown>[];
