// The tiny C programs of engine/live/helpers/ (that folder has their real
// source): the thread's open_tree_clone and move_mount (with our options
// for move_mount(2)'s later flags), and umount2, which hands umount2(2) its
// flags with nothing in between.

import {
  AT_EMPTY_PATH, AT_FDCWD, AT_RECURSIVE, MNT_DETACH, MNT_EXPIRE, MNT_FORCE, MOVE_MOUNT_BENEATH, MOVE_MOUNT_F_AUTOMOUNTS, MOVE_MOUNT_F_EMPTY_PATH,
  MOVE_MOUNT_F_SYMLINKS, MOVE_MOUNT_SET_GROUP, MOVE_MOUNT_T_AUTOMOUNTS, MOVE_MOUNT_T_EMPTY_PATH, MOVE_MOUNT_T_SYMLINKS, OPEN_TREE_CLONE,
  UMOUNT_NOFOLLOW,
} from '../../kernel/constants';
import type { MoveMountArgs } from '../../syscalls/move_mount';
import { defineProgram, exit, type ProgramContext, type ProgramOutcome } from '../program';
import { failed, installAndExec } from './fs-context-helpers';

function fdArgument(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/** The operands of `open_tree_clone [-r] N CMD...` and `open_tree [-c] [-r] N CMD...`. */
export interface OpenTreeArgs {
  readonly clone: boolean;
  readonly recursive: boolean;
  readonly fd: number | null;
  readonly command: readonly string[];
}

export function openTreeArgs(argv: readonly string[]): OpenTreeArgs {
  let clone = argv[0] !== 'open_tree';
  let recursive = false;
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    if (argv[i] === '-r') recursive = true;
    else if (argv[i] === '-c') clone = true;
    else break;
  }
  return { clone, recursive, fd: fdArgument(argv[i]), command: argv.slice(i + 1) };
}

/**
 * `open_tree_clone [-r] N CMD [ARGS]`: fd N (opened by the shell's `N<P`) is
 * replaced by open_tree(N, "", OPEN_TREE_CLONE|AT_EMPTY_PATH), with -r also
 * AT_RECURSIVE, then CMD is exec'd with it. As `open_tree`, the same program
 * clones only with -c; without, fd N becomes a plain O_PATH fd on the mount.
 */
function runOpenTree(ctx: ProgramContext, { clone, recursive, fd, command: argv }: OpenTreeArgs): ProgramOutcome {
  const name = ctx.argv[0]!;
  const command = argv[0];
  if (fd === null || command === undefined) {
    ctx.err(`usage: ${name} [-c] [-r] FD COMMAND [ARG...]\n`);
    return exit(2);
  }
  const flags = (clone ? OPEN_TREE_CLONE : 0) | AT_EMPTY_PATH | (recursive ? AT_RECURSIVE : 0);
  const opened = ctx.sys.open_tree({ dfd: fd, path: '', flags });
  if (!opened.ok) return failed(ctx, name, opened);
  // No OPEN_TREE_CLOEXEC: the new fd survives the exec of CMD.
  return installAndExec(ctx, name, opened.value, fd, false, argv);
}

export const openTreeClone = defineProgram({
  name: 'open_tree_clone',
  usage: ['open_tree_clone [-r] N CMD [ARG...]'],
  summary: 'the thread\'s helper: with `N<P` open, clone the mount on fd N (with `-r`, `AT_RECURSIVE`: the tree), then run CMD with the clone on fd N (`sh` starts a nested shell)',
  parse: (argv) => openTreeArgs(argv),
  execs: (args) => args.command,
  run: runOpenTree,
  live: { helper: 'open_tree_clone' },
});

export const openTree = defineProgram({
  name: 'open_tree',
  usage: ['open_tree [-c] [-r] N CMD [ARG...]'],
  summary: 'the same program, which clones only with `-c`: without, fd N becomes a plain `O_PATH` fd on the mount',
  parse: (argv) => openTreeArgs(argv),
  execs: (args) => args.command,
  run: runOpenTree,
  live: { helper: 'open_tree' },
});

/** move_mount's long options, each one MOVE_MOUNT_* flag. */
const MOVE_MOUNT_OPTIONS: Readonly<Record<string, number>> = {
  '--beneath': MOVE_MOUNT_BENEATH,
  '--set-group': MOVE_MOUNT_SET_GROUP,
  '--f-symlinks': MOVE_MOUNT_F_SYMLINKS,
  '--t-symlinks': MOVE_MOUNT_T_SYMLINKS,
  '--f-automounts': MOVE_MOUNT_F_AUTOMOUNTS,
  '--t-automounts': MOVE_MOUNT_T_AUTOMOUNTS,
};

/** The operands are move_mount(2)'s own (the syscall ABI). */
export type { MoveMountArgs };

/** The operands of `move_mount [-p] [-t] [--beneath] ... [-F HEX] FROM TO`, or null (usage), as move_mount.c reads them. */
export function moveMountArgs(argv: readonly string[]): MoveMountArgs | null {
  let flags = MOVE_MOUNT_F_EMPTY_PATH;
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
    const option = argv[i]!;
    if (Object.hasOwn(MOVE_MOUNT_OPTIONS, option)) flags |= MOVE_MOUNT_OPTIONS[option]!;
    else if (option === '-p') flags &= ~MOVE_MOUNT_F_EMPTY_PATH;
    else if (option === '-t') flags |= MOVE_MOUNT_T_EMPTY_PATH;
    else if (option === '-F' && i + 1 < argv.length && /^[0-9a-fA-F]{1,8}$/.test(argv[i + 1]!)) flags = (flags | parseInt(argv[++i]!, 16)) >>> 0;
    else return null;
  }
  if (argv.length - i !== 2) return null;
  const [from, to] = [argv[i]!, argv[i + 1]!];
  const fromDfd = flags & MOVE_MOUNT_F_EMPTY_PATH ? fdArgument(from) : AT_FDCWD;
  const toDfd = flags & MOVE_MOUNT_T_EMPTY_PATH ? fdArgument(to) : AT_FDCWD;
  if (fromDfd === null || toDfd === null) return null;
  return {
    fromDfd,
    fromPath: flags & MOVE_MOUNT_F_EMPTY_PATH ? '' : from,
    toDfd,
    toPath: flags & MOVE_MOUNT_T_EMPTY_PATH ? '' : to,
    flags,
  };
}

const MOVE_MOUNT_USAGE = 'move_mount [-p] [-t] [--beneath] [--set-group] [--f-symlinks] [--t-symlinks] [--f-automounts] [--t-automounts] [-F HEX] FROM TO';

/**
 * move_mount(2) with the flags named: FROM is an fd passed with
 * MOVE_MOUNT_F_EMPTY_PATH (the thread's `move_mount N P`), or with -p a
 * path; TO is a path, or with -t an fd (MOVE_MOUNT_T_EMPTY_PATH).
 */
function runMoveMount(ctx: ProgramContext, args: MoveMountArgs | null): ProgramOutcome {
  if (!args) {
    ctx.err(`usage: ${MOVE_MOUNT_USAGE}\n`);
    return exit(2);
  }
  const moved = ctx.sys.move_mount(args);
  return moved.ok ? exit(0) : failed(ctx, 'move_mount', moved);
}

export const moveMount = defineProgram({
  name: 'move_mount',
  usage: ['move_mount N PATH', MOVE_MOUNT_USAGE],
  summary:
    'the thread\'s helper, `move_mount(N, "", AT_FDCWD, PATH, MOVE_MOUNT_F_EMPTY_PATH)`, with our options for the other flags: `-p` FROM is a path (no `F_EMPTY_PATH`), `-t` TO is an fd (`T_EMPTY_PATH`), `--beneath` (`MOVE_MOUNT_BENEATH`, 6.5), `--set-group` (`MOVE_MOUNT_SET_GROUP`, 5.15), `--f-symlinks`/`--t-symlinks`/`--f-automounts`/`--t-automounts`, `-F HEX` raw bits',
  parse: (argv) => moveMountArgs(argv),
  run: runMoveMount,
  live: { helper: 'move_mount' },
});

/** umount2's options, each one flag of umount2(2). */
const UMOUNT2_FLAGS: Readonly<Record<string, number>> = { '-l': MNT_DETACH, '-f': MNT_FORCE, '-e': MNT_EXPIRE, '-n': UMOUNT_NOFOLLOW };

/**
 * `umount2 [-l] [-f] [-e] [-n] P`: umount2(P, flags) with nothing in
 * between (engine/live/helpers/umount2.c): MNT_EXPIRE and UMOUNT_NOFOLLOW,
 * which umount(8) cannot ask for, and no stat of P that would clear an
 * expiry mark.
 */
function runUmount2(ctx: ProgramContext, argv: readonly string[]): ProgramOutcome {
  const args = argv.slice(1);
  const target = args.pop();
  let flags = 0;
  for (const arg of args) {
    const flag = UMOUNT2_FLAGS[arg];
    if (flag === undefined) return usage();
    flags |= flag;
  }
  if (target === undefined || target.startsWith('-')) return usage();
  const result = ctx.sys.umount2({ target, flags });
  return result.ok ? exit(0) : failed(ctx, 'umount2', result);
  function usage() {
    ctx.err('usage: umount2 [-l] [-f] [-e] [-n] PATH\n');
    return exit(2);
  }
}

export const umount2 = defineProgram({
  name: 'umount2',
  usage: ['umount2 [-l] [-f] [-e] [-n] PATH'],
  summary: '`umount2(2)` with `MNT_DETACH`, `MNT_FORCE`, `MNT_EXPIRE`, `UMOUNT_NOFOLLOW` and nothing else (umount(8) cannot ask for the last two)',
  parse: (argv) => argv,
  run: runUmount2,
  live: { helper: 'umount2' },
});
