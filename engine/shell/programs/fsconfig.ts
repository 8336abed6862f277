// fsconfig N set_flag KEY | set_string KEY VALUE | create | create_excl |
// reconfigure: engine/live/helpers/fsconfig.c.

import { FSCONFIG_CMD_CREATE, FSCONFIG_CMD_CREATE_EXCL, FSCONFIG_CMD_RECONFIGURE, FSCONFIG_SET_FLAG, FSCONFIG_SET_STRING } from '../../kernel/constants';
import { DialectError, type TranscriptLine } from '../../transcript/types';
import { defineProgram, exit, type ProgramContext, type ProgramOutcome } from '../program';
import { failed, fdOperand } from './fs-context-helpers';

/**
 * The keys the model knows: tmpfs's (size nr_blocks nr_inodes mode uid gid)
 * and proc's (hidepid subset) parameters, "source", the superblock's ro and
 * rw, and "foo", which no filesystem takes (engine/fs/fs-parameters.ts has
 * the filesystems' side; a unit test keeps the two alike).
 */
export const DIALECT_KEYS: readonly string[] = ['size', 'nr_blocks', 'nr_inodes', 'mode', 'uid', 'gid', 'hidepid', 'subset', 'source', 'ro', 'rw', 'foo'];

/** A value the model reads as the kernel does: letters, digits, "+" (no "%", which asks for a share of the machine's RAM). */
const VALUE = /^[A-Za-z0-9+]{1,12}$/;

export type FsconfigArgs =
  | { readonly fd: number; readonly cmd: 'set_flag'; readonly key: string }
  | { readonly fd: number; readonly cmd: 'set_string'; readonly key: string; readonly value: string }
  | { readonly fd: number; readonly cmd: 'create' | 'create_excl' | 'reconfigure' };

export function parseFsconfig(argv: readonly string[], place: TranscriptLine): FsconfigArgs {
  const fd = fdOperand(argv[1], 'fsconfig: FD', place);
  const [, , cmd, key, value, ...extra] = argv;
  const usage = 'the dialect has "fsconfig FD set_flag KEY", "fsconfig FD set_string KEY VALUE" and "fsconfig FD create|create_excl|reconfigure"';
  if (extra.length) throw new DialectError(place, usage);
  if (cmd === 'create' || cmd === 'create_excl' || cmd === 'reconfigure') {
    if (key !== undefined) throw new DialectError(place, usage);
    return { fd, cmd };
  }
  if (cmd !== 'set_flag' && cmd !== 'set_string') throw new DialectError(place, usage);
  if (key === undefined || !DIALECT_KEYS.includes(key)) throw new DialectError(place, `fsconfig: KEY is one of ${DIALECT_KEYS.join(' ')}`);
  if (cmd === 'set_flag') {
    if (value !== undefined) throw new DialectError(place, usage);
    return { fd, cmd, key };
  }
  if (value === undefined || !VALUE.test(value)) throw new DialectError(place, 'fsconfig: VALUE is 1 to 12 letters, digits or "+"');
  // uid and gid are decimal in the kernel's parser: a leading zero would read differently elsewhere.
  if ((key === 'uid' || key === 'gid') && /^\+?0\d/.test(value)) throw new DialectError(place, `fsconfig: a ${key} has no leading zero`);
  return { fd, cmd, key, value };
}

const COMMANDS = { create: FSCONFIG_CMD_CREATE, create_excl: FSCONFIG_CMD_CREATE_EXCL, reconfigure: FSCONFIG_CMD_RECONFIGURE } as const;

function runFsconfig(ctx: ProgramContext, args: FsconfigArgs): ProgramOutcome {
  const call =
    args.cmd === 'set_flag'
      ? { fd: args.fd, cmd: FSCONFIG_SET_FLAG, key: args.key, value: null, aux: 0 }
      : args.cmd === 'set_string'
        ? { fd: args.fd, cmd: FSCONFIG_SET_STRING, key: args.key, value: args.value, aux: 0 }
        : { fd: args.fd, cmd: COMMANDS[args.cmd], key: null, value: null, aux: 0 };
  const result = ctx.sys.fsconfig(call);
  return result.ok ? exit(0) : failed(ctx, 'fsconfig', result);
}

export const fsconfig = defineProgram({
  name: 'fsconfig',
  usage: ['fsconfig N set_flag KEY', 'fsconfig N set_string KEY VALUE', 'fsconfig N create|create_excl|reconfigure'],
  summary:
    'one `fsconfig(2)` on the context on fd N; KEY is one of tmpfs\'s `size nr_blocks nr_inodes mode uid gid`, proc\'s `hidepid subset`, `source`, `ro`, `rw`, or `foo` (no filesystem has it); VALUE is 1-12 letters, digits or `+`',
  parse: parseFsconfig,
  run: runFsconfig,
  live: { helper: 'fsconfig' },
});
