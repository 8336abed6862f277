// util-linux 2.38's unshare(1), as far as mounts go: `-m` for a new mount
// namespace, `-r` (with or without `-U`) for a new user namespace in which
// the caller is root, `--propagation`, then a program, or a login shell.
// After sys-utils/unshare.c (main, map_id, setgroups_control, set_propagation)
// and lib/exec_shell.c.

import { AT_FDCWD, CLONE_NEWNS, CLONE_NEWUSER, MS_PRIVATE, MS_REC, MS_SHARED, MS_SLAVE, O_WRONLY, PROC_SUPER_MAGIC } from '../../kernel/constants';
import { strerror, type Errno } from '../../errno';
import { DialectError, type TranscriptLine } from '../../transcript/types';
import { defineProgram, exit, type ProgramContext, type ProgramOutcome } from '../program';

/** --propagation's words; "unchanged" leaves the copied tree as copy_mnt_ns() made it. */
const PROPAGATION: Readonly<Record<string, number>> = {
  slave: MS_REC | MS_SLAVE,
  shared: MS_REC | MS_SHARED,
  private: MS_REC | MS_PRIVATE,
  unchanged: 0,
};

export interface UnshareRequest {
  readonly flags: number;
  /** -r: map our uid and gid to root in the new user namespace. */
  readonly mapRoot: boolean;
  /** The word --propagation was given (checked when the program runs, as unshare does), or null for the default. */
  readonly propagation: string | null;
  /** The program to exec and its arguments; empty: a login shell. */
  readonly command: readonly string[];
}

/**
 * The dialect's forms: options from -m, -U, -r (clustered or not),
 * --mount, --user, --map-root-user, --propagation WORD; then `--` or the
 * command. A new mount namespace is required (that is what the spec is
 * about), and a new user namespace only with -r: the model's tasks are
 * always root of their user namespace.
 */
export function parseUnshareArgs(argv: readonly string[], place: TranscriptLine): UnshareRequest {
  const outside = (why: string): never => {
    throw new DialectError(place, `${argv.join(' ')}: ${why}`);
  };
  let flags = 0;
  let mapRoot = false;
  let propagation: string | null = null;
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (arg === '--mount') flags |= CLONE_NEWNS;
    else if (arg === '--user') flags |= CLONE_NEWUSER;
    else if (arg === '--map-root-user') mapRoot = true;
    else if (arg === '--propagation' || arg.startsWith('--propagation=')) {
      const value = arg === '--propagation' ? argv[++i] : arg.slice('--propagation='.length);
      if (value === undefined) outside('--propagation needs slave, shared, private or unchanged');
      propagation = value!;
    } else if (/^-[mUr]+$/.test(arg)) {
      for (const letter of arg.slice(1)) {
        if (letter === 'm') flags |= CLONE_NEWNS;
        else if (letter === 'U') flags |= CLONE_NEWUSER;
        else mapRoot = true;
      }
    } else if (arg.startsWith('-')) outside(`the dialect has unshare's -m, -U, -r and --propagation, not "${arg}"`);
    else break;
  }
  if (mapRoot) flags |= CLONE_NEWUSER; // -r implies -U
  if (!(flags & CLONE_NEWNS)) outside('the dialect needs -m: the spec is about mount namespaces');
  if (flags & CLONE_NEWUSER && !mapRoot) outside('-U needs -r in the dialect: the model is always root of its user namespace');
  return { flags, mapRoot, propagation, command: argv.slice(i) };
}

/**
 * open(FILE, O_WRONLY) of one of /proc/self's id-map files: the errno, or
 * null when it opened (and was closed again: the model takes no map text).
 * A file that is not procfs's would take the map and do nothing, which the
 * model does not follow: that is refused as outside the dialect.
 */
function openProcSelfFile(ctx: ProgramContext, file: string): Errno | null {
  const opened = ctx.sys.openat({ dfd: AT_FDCWD, path: file, flags: O_WRONLY });
  if (!opened.ok) return opened.errno;
  const fs = ctx.sys.fstatfs({ fd: opened.value });
  ctx.sys.close({ fd: opened.value });
  if (!fs.ok || fs.value.f_type !== PROC_SUPER_MAGIC) {
    throw new DialectError(ctx.place, `unshare -r: ${file} is not procfs's here; the model does not follow maps written to a plain file`);
  }
  return null;
}

/** unshare's failures: err(3)'s "unshare: WHAT: strerror", exit 1. */
function failure(ctx: ProgramContext, what: string): ProgramOutcome {
  ctx.err(`unshare: ${what}\n`);
  return exit(1);
}

function runUnshare(ctx: ProgramContext, request: UnshareRequest): ProgramOutcome {
  let propagation = MS_REC | MS_PRIVATE;
  if (request.propagation !== null) {
    const flags = PROPAGATION[request.propagation];
    if (flags === undefined) return failure(ctx, `unsupported propagation mode: ${request.propagation}`);
    propagation = flags;
  }
  const unshared = ctx.sys.unshare({ flags: request.flags });
  if (!unshared.ok) return failure(ctx, `unshare failed: ${strerror(unshared.errno)}`);
  if (request.mapRoot) {
    // uid_map first; a kernel without /proc/self/setgroups (< 3.19) is fine.
    for (const file of ['/proc/self/uid_map', '/proc/self/setgroups', '/proc/self/gid_map']) {
      const errno = openProcSelfFile(ctx, file);
      if (errno !== null && !(file.endsWith('setgroups') && errno === 'ENOENT')) return failure(ctx, `cannot open ${file}: ${strerror(errno)}`);
    }
  }
  if (propagation) {
    const changed = ctx.sys.mount({ source: 'none', target: '/', fstype: '', flags: propagation });
    if (!changed.ok) return failure(ctx, `cannot change root filesystem propagation: ${strerror(changed.errno)}`);
  }
  // exec_shell(): $SHELL is not set in the dialect's shells, so /bin/sh, as a login shell.
  if (request.command.length === 0) return { execShell: 'sh', argv0: '-sh' };
  const executed = ctx.execvp(request.command);
  if (executed) return executed;
  ctx.err(`unshare: failed to execute ${request.command[0]}: ${strerror('ENOENT')}\n`);
  return exit(127);
}

export const unshare = defineProgram({
  name: 'unshare',
  usage: ['unshare -m [--propagation unchanged|slave|shared|private] [CMD [ARG...]]', 'unshare -Urm [...]'],
  summary: 'util-linux unshare(1): a new mount namespace (and with `-r` a user namespace in which we are root), then CMD, or with no CMD a login shell (`-sh`) that reads the lines that follow until `exit`',
  parse: parseUnshareArgs,
  execs: (request) => request.command,
  run: runUnshare,
  live: { host: 'unshare' },
});
