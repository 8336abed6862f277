// util-linux 2.38's mount(8) and umount(8), as far as the dialect goes: the
// option forms the thread and the spec use, the syscall each makes, and the
// message libmount prints for each errno (libmount/src/context_mount.c and
// context_umount.c: mnt_context_get_{mount,umount}_excode()).

import { AT_FDCWD, MNT_DETACH, MS_BIND, MS_MOVE, MS_REC } from '../../kernel/constants';
import type { Errno } from '../../errno';
import { strerror } from '../../errno';
import { DialectError, type TranscriptLine } from '../../transcript/types';
import { exit, type Program, type ProgramContext } from '../program';
import { realpath } from '../realpath';

/** MNT_EX_FAIL: what mount(8) and umount(8) exit with when the syscall failed. */
const MNT_EX_FAIL = 32;
const MNT_EX_USAGE = 1;
const MNT_EX_SYSERR = 2;

type MountRequest =
  | { readonly kind: 'list' }
  | { readonly kind: 'new'; readonly fstype: string; readonly source: string; readonly target: string }
  | { readonly kind: 'bind'; readonly recursive: boolean; readonly source: string; readonly target: string }
  | { readonly kind: 'move'; readonly source: string; readonly target: string };

/** The dialect's forms of mount(8); anything else is a DialectError naming the line. */
export function parseMountArgs(argv: readonly string[], place: TranscriptLine): MountRequest {
  const args = argv.slice(1);
  const outside = (why: string): never => {
    throw new DialectError(place, `mount ${args.join(' ')}: ${why}`);
  };
  const [first, ...rest] = args;
  if (first === undefined) return { kind: 'list' };
  if (first === '-t') {
    const [fstype, source, target, ...extra] = rest;
    if (!fstype || !source || !target || extra.length) outside('the dialect has "mount -t TYPE SOURCE DIR"');
    return { kind: 'new', fstype: fstype!, source: source!, target: target! };
  }
  const forms: Record<string, MountRequest['kind'] | 'rbind'> = { '--bind': 'bind', '-B': 'bind', '--rbind': 'rbind', '-R': 'rbind', '--move': 'move', '-M': 'move' };
  const form = first === undefined ? undefined : forms[first];
  if (form) {
    const [source, target, ...extra] = rest;
    if (!source || !target || extra.length) outside(`the dialect has "mount ${first} SOURCE DIR"`);
    if (form === 'move') return { kind: 'move', source: source!, target: target! };
    return { kind: 'bind', recursive: form === 'rbind', source: source!, target: target! };
  }
  if (first?.startsWith('--make-')) outside('shared subtrees (--make-*) are not modelled yet');
  return outside('not a form of mount in the dialect (mount -t TYPE SRC DIR, --bind, --rbind, --move)');
}

/** What libmount adds under every message about a failed mount(2). */
const DMESG_HINT = '       dmesg(1) may have more information after failed mount system call.';

/**
 * libmount's words for a failed mount(2). For ENOENT it looks for itself:
 * a missing target is "mount point does not exist", a missing source "special device".
 */
function mountMessage(errno: Errno, request: Exclude<MountRequest, { kind: 'list' }>, exists: (path: string) => boolean): string {
  switch (errno) {
    case 'EINVAL':
      return `wrong fs type, bad option, bad superblock on ${request.source}, missing codepage or helper program, or other error.`;
    case 'ENOENT':
      if (!exists(request.target)) return 'mount point does not exist.';
      if (!exists(request.source)) return `special device ${request.source} does not exist.`;
      return `mount(2) system call failed: ${strerror(errno)}.`;
    case 'ENOTDIR':
      return 'mount point is not a directory.';
    case 'EBUSY':
      return `${request.source} already mounted or mount point busy.`;
    case 'ENODEV':
      return `unknown filesystem type '${request.kind === 'new' ? request.fstype : ''}'.`;
    default:
      return `mount(2) system call failed: ${strerror(errno)}.`;
  }
}

/** /proc/self/mountinfo as libmount reads it ('' when it cannot). */
function readMountinfo(ctx: ProgramContext): string {
  const opened = ctx.sys.openat({ dfd: AT_FDCWD, path: '/proc/self/mountinfo', flags: 0 });
  if (!opened.ok) return '';
  const text = ctx.sys.read({ fd: opened.value });
  ctx.sys.close({ fd: opened.value });
  return text.ok ? text.value : '';
}

/** `mount` alone: "SOURCE on TARGET type FSTYPE (OPTIONS)" for each line of mountinfo. */
function listMounts(ctx: ProgramContext): ReturnType<Program> {
  const table = readMountinfo(ctx);
  if (table === '') {
    // libmount treats an empty mountinfo as missing and falls back to /etc/mtab.
    ctx.err(`mount: failed to read mtab: ${strerror('ENOENT')}\n`);
    return exit(MNT_EX_SYSERR);
  }
  for (const line of table.split('\n').filter(Boolean)) {
    const [pre = '', post = ''] = line.split(' - ');
    const [, , , , target, vfsOptions = ''] = pre.split(' ');
    const [fstype, source, fsOptions = ''] = post.split(' ');
    const options = [...new Set([...vfsOptions.split(','), ...fsOptions.split(',')])].join(',');
    ctx.out(`${source} on ${target} type ${fstype} (${options})\n`);
  }
  return exit(0);
}

export const mount: Program = (ctx) => {
  const request = parseMountArgs(ctx.argv, ctx.place);
  if (request.kind === 'list') return listMounts(ctx);
  // libmount canonicalizes both paths; one realpath(3) cannot resolve is used as typed.
  const target = realpath(ctx.k, ctx.task, request.target) ?? request.target;
  const source = request.kind === 'new' ? request.source : realpath(ctx.k, ctx.task, request.source) ?? request.source;
  const flags = request.kind === 'move' ? MS_MOVE : request.kind === 'bind' ? MS_BIND | (request.recursive ? MS_REC : 0) : 0;
  const result = ctx.sys.mount({ source, target, fstype: request.kind === 'new' ? request.fstype : '', flags });
  if (result.ok) return exit(0);
  const exists = (path: string) => realpath(ctx.k, ctx.task, path) !== null;
  ctx.err(`mount: ${target}: ${mountMessage(result.errno, request, exists)}\n${DMESG_HINT}\n`);
  return exit(MNT_EX_FAIL);
};

/** libmount's words for a failed umount2(2). */
function umountMessage(errno: Errno): string {
  switch (errno) {
    case 'EINVAL':
      return 'not mounted.';
    case 'EBUSY':
      return 'target is busy.';
    case 'ENOENT':
      return 'no mount point specified.';
    case 'EPERM':
      return 'must be superuser to unmount.';
    default:
      return `umount(2) system call failed: ${strerror(errno)}.`;
  }
}

/** The dialect's forms of umount(8): `umount [-l|--lazy] DIR`. */
export function parseUmountArgs(argv: readonly string[], place: TranscriptLine): { flags: number; targets: string[] } {
  let flags = 0;
  const targets: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg === '-l' || arg === '--lazy') flags |= MNT_DETACH;
    else if (arg.startsWith('-')) throw new DialectError(place, `umount ${arg}: the dialect has "umount [-l] DIR"`);
    else targets.push(arg);
  }
  return { flags, targets };
}

/**
 * Which name umount(8) hands to umount2(2), and names in its messages.
 * libmount skips the mount table for an absolute, existing target without
 * -l (its "fast path"); otherwise it reads mountinfo (an empty one counts as
 * unreadable: ENOENT, and it gives up) and, when the canonical path is a
 * mountpoint there, uses that entry's name; else the name as typed.
 * After libmount/src/context_umount.c:lookup_umount_fs() (util-linux 2.38).
 */
function findUmountTarget(ctx: ProgramContext, typed: string, flags: number): { ok: true; target: string } | { ok: false; errno: Errno } {
  const canonical = realpath(ctx.k, ctx.task, typed);
  if (typed.startsWith('/') && !(flags & MNT_DETACH) && canonical !== null) return { ok: true, target: typed };
  const table = readMountinfo(ctx);
  if (table === '') return { ok: false, errno: 'ENOENT' };
  const mountpoints = table.split('\n').filter(Boolean).map((line) => line.split(' ')[4]);
  const match = [typed, canonical].find((name) => name !== null && mountpoints.includes(name));
  return { ok: true, target: match ?? typed };
}

export const umount: Program = (ctx) => {
  const { flags, targets } = parseUmountArgs(ctx.argv, ctx.place);
  if (targets.length !== 1) {
    ctx.err('umount: bad usage\nTry \'umount --help\' for more information.\n');
    return exit(MNT_EX_USAGE);
  }
  const typed = targets[0]!;
  const found = findUmountTarget(ctx, typed, flags);
  if (!found.ok) {
    ctx.err(`umount: ${typed}: umount failed: ${strerror(found.errno)}.\n`);
    return exit(MNT_EX_FAIL);
  }
  const target = found.target;
  const result = ctx.sys.umount2({ target, flags });
  if (result.ok) return exit(0);
  ctx.err(`umount: ${target}: ${umountMessage(result.errno)}\n`);
  return exit(MNT_EX_FAIL);
};
