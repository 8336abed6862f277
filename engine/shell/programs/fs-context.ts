// The dialect's fs-context programs, one syscall each, as the C helpers of
// engine/live/helpers/ (fsopen.c, fsconfig.c, fsmount.c, fspick.c,
// fsread.c): a program that makes an fd puts it on the fd its caller
// named and execs CMD with it, so the next program inherits it.

import {
  AT_FDCWD, FSCONFIG_CMD_CREATE, FSCONFIG_CMD_CREATE_EXCL, FSCONFIG_CMD_RECONFIGURE, FSCONFIG_SET_FLAG, FSCONFIG_SET_STRING, FSMOUNT_CLOEXEC,
  FSOPEN_CLOEXEC, FSPICK_CLOEXEC, FSPICK_NO_AUTOMOUNT, FSPICK_SYMLINK_NOFOLLOW, MOUNT_ATTR_NOATIME, MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME, MOUNT_ATTR_NOEXEC, MOUNT_ATTR_NOSUID, MOUNT_ATTR_RDONLY, MOUNT_ATTR_RELATIME, MOUNT_ATTR_STRICTATIME,
} from '../../kernel/constants';
import { strerror } from '../../errno';
import { FS_PARAMETERS } from '../../fs/fs-parameters';
import { SB_FLAG_KEYS } from '../../fs/fs-context';
import type { SyscallResult } from '../../result';
import { DialectError, type TranscriptLine } from '../../transcript/types';
import { exit, type ProgramContext, type ProgramOutcome } from '../program';

/** Runs CMD in this process (execvp with PATH=/bin); null when there is no such program. */
export type Exec = (argv: readonly string[]) => ProgramOutcome | null;

/** The filesystems the dialect may open: the model's two, and one that no kernel has (ENODEV). */
export const DIALECT_FILESYSTEMS = ['tmpfs', 'proc', 'nosuchfs'] as const;

/** fsconfig's keys: tmpfs's and proc's parameters, "source", "ro"/"rw", and "foo", which no filesystem takes. */
export const DIALECT_KEYS: readonly string[] = [...new Set([...FS_PARAMETERS.tmpfs, ...FS_PARAMETERS.proc, 'source', ...SB_FLAG_KEYS, 'foo'])];

/** fsmount -o: MOUNT_ATTR_* by name (relatime is 0: the default). */
export const MOUNT_ATTRS: Readonly<Record<string, number>> = {
  rdonly: MOUNT_ATTR_RDONLY,
  nosuid: MOUNT_ATTR_NOSUID,
  nodev: MOUNT_ATTR_NODEV,
  noexec: MOUNT_ATTR_NOEXEC,
  relatime: MOUNT_ATTR_RELATIME,
  noatime: MOUNT_ATTR_NOATIME,
  strictatime: MOUNT_ATTR_STRICTATIME,
  nodiratime: MOUNT_ATTR_NODIRATIME,
};

const FD = /^\d{1,4}$/;
/** A value the model reads as the kernel does: letters, digits, "+" (no "%", which asks for a share of the machine's RAM). */
const VALUE = /^[A-Za-z0-9+]{1,12}$/;

function fdOperand(word: string | undefined, what: string, place: TranscriptLine): number {
  if (word === undefined || !FD.test(word)) throw new DialectError(place, `${what} must be a file descriptor number`);
  return Number(word);
}

function needCommand(command: readonly string[], name: string, place: TranscriptLine): void {
  if (command.length === 0) throw new DialectError(place, `${name} runs a command with the new fd: add one ("sh" for a nested shell)`);
}

export interface FsopenArgs {
  readonly cloexec: boolean;
  readonly fsName: string;
  readonly fd: number;
  readonly command: readonly string[];
}

/** `fsopen [-c] FSNAME FD CMD...` */
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

export type FsconfigArgs =
  | { readonly fd: number; readonly cmd: 'set_flag'; readonly key: string }
  | { readonly fd: number; readonly cmd: 'set_string'; readonly key: string; readonly value: string }
  | { readonly fd: number; readonly cmd: 'create' | 'create_excl' | 'reconfigure' };

/** `fsconfig FD set_flag KEY | set_string KEY VALUE | create | create_excl | reconfigure` */
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

export interface FsmountArgs {
  readonly cloexec: boolean;
  readonly attrFlags: number;
  readonly fd: number;
  readonly newFd: number;
  readonly command: readonly string[];
}

/** `fsmount [-c] [-o ATTR[,ATTR...]] FD NEWFD CMD...` */
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

export interface FspickArgs {
  readonly flags: number;
  readonly path: string;
  readonly fd: number;
  readonly command: readonly string[];
}

const FSPICK_OPTIONS: Readonly<Record<string, number>> = { '-c': FSPICK_CLOEXEC, '-s': FSPICK_SYMLINK_NOFOLLOW, '-a': FSPICK_NO_AUTOMOUNT };

/** `fspick [-c] [-s] [-a] PATH FD CMD...` */
export function parseFspick(argv: readonly string[], place: TranscriptLine): FspickArgs {
  let flags = 0;
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const flag = FSPICK_OPTIONS[argv[i]!];
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

/** `fsread FD`: FD 0-2 are the session's terminal, which read() would wait on. */
export function parseFsread(argv: readonly string[], place: TranscriptLine): { readonly fd: number } {
  const fd = fdOperand(argv[1], 'fsread: FD', place);
  if (argv.length > 2) throw new DialectError(place, 'the dialect has "fsread FD"');
  if (fd < 3) throw new DialectError(place, 'fsread: FD 0, 1 and 2 are the terminal; use 3 or more');
  return { fd };
}

/** NAME: strerror, status 1: how each helper reports its syscall's failure. */
function failed(ctx: ProgramContext, name: string, result: { readonly ok: false; readonly errno: Parameters<typeof strerror>[0] }): ProgramOutcome {
  ctx.err(`${name}: ${strerror(result.errno)}\n`);
  return exit(1);
}

/**
 * Put the new fd where the caller asked (dup3, then close the original),
 * drop it if it is close-on-exec (the exec would), then exec CMD.
 * As engine/live/helpers/mount_api.h:install_and_exec().
 */
function installAndExec(ctx: ProgramContext, name: string, got: number, want: number, cloexec: boolean, command: readonly string[], exec: Exec): ProgramOutcome {
  if (got !== want) {
    ctx.sys.dup2({ oldfd: got, newfd: want });
    ctx.sys.close({ fd: got });
  }
  if (cloexec) ctx.sys.close({ fd: want });
  const executed = exec(command);
  if (executed) return executed;
  ctx.err(`${name}: ${command[0]}: ${strerror('ENOENT')}\n`);
  return exit(127);
}

export function runFsopen(ctx: ProgramContext, args: FsopenArgs, exec: Exec): ProgramOutcome {
  const opened = ctx.sys.fsopen({ fsName: args.fsName, flags: args.cloexec ? FSOPEN_CLOEXEC : 0 });
  if (!opened.ok) return failed(ctx, 'fsopen', opened);
  return installAndExec(ctx, 'fsopen', opened.value, args.fd, args.cloexec, args.command, exec);
}

const FSCONFIG_CMDS = { create: FSCONFIG_CMD_CREATE, create_excl: FSCONFIG_CMD_CREATE_EXCL, reconfigure: FSCONFIG_CMD_RECONFIGURE } as const;

export function runFsconfig(ctx: ProgramContext, args: FsconfigArgs): ProgramOutcome {
  let result: SyscallResult<0>;
  if (args.cmd === 'set_flag') result = ctx.sys.fsconfig({ fd: args.fd, cmd: FSCONFIG_SET_FLAG, key: args.key, value: null, aux: 0 });
  else if (args.cmd === 'set_string') result = ctx.sys.fsconfig({ fd: args.fd, cmd: FSCONFIG_SET_STRING, key: args.key, value: args.value, aux: 0 });
  else result = ctx.sys.fsconfig({ fd: args.fd, cmd: FSCONFIG_CMDS[args.cmd], key: null, value: null, aux: 0 });
  return result.ok ? exit(0) : failed(ctx, 'fsconfig', result);
}

export function runFsmount(ctx: ProgramContext, args: FsmountArgs, exec: Exec): ProgramOutcome {
  const mounted = ctx.sys.fsmount({ fd: args.fd, flags: args.cloexec ? FSMOUNT_CLOEXEC : 0, attrFlags: args.attrFlags });
  if (!mounted.ok) return failed(ctx, 'fsmount', mounted);
  return installAndExec(ctx, 'fsmount', mounted.value, args.newFd, args.cloexec, args.command, exec);
}

export function runFspick(ctx: ProgramContext, args: FspickArgs, exec: Exec): ProgramOutcome {
  const picked = ctx.sys.fspick({ dfd: AT_FDCWD, path: args.path, flags: args.flags });
  if (!picked.ok) return failed(ctx, 'fspick', picked);
  return installAndExec(ctx, 'fspick', picked.value, args.fd, (args.flags & FSPICK_CLOEXEC) !== 0, args.command, exec);
}

/** read() until there is nothing left: ENODATA ends an fs context's log, an empty read a file's end. */
export function runFsread(ctx: ProgramContext, args: { readonly fd: number }): ProgramOutcome {
  for (;;) {
    const read = ctx.sys.read({ fd: args.fd, count: 4096 });
    if (!read.ok) return read.errno === 'ENODATA' ? exit(0) : failed(ctx, 'fsread', read);
    const text = read.value as string;
    if (text === '') return exit(0);
    ctx.out(text.endsWith('\n') ? text : `${text}\n`);
  }
}
