// util-linux 2.38's mount(8) and umount(8), as far as the dialect goes: the
// option forms the thread and the spec use, the syscall each makes, and the
// message libmount prints for each errno (libmount/src/context_mount.c and
// context_umount.c: mnt_context_get_{mount,umount}_excode()).

import {
  AT_FDCWD, MNT_DETACH, MNT_FORCE, MS_BIND, MS_MOVE, MS_NOATIME, MS_NODEV, MS_NODIRATIME, MS_NOEXEC, MS_NOSUID, MS_NOSYMFOLLOW, MS_PRIVATE, MS_RDONLY,
  MS_REC, MS_RELATIME, MS_REMOUNT, MS_SHARED, MS_SLAVE, MS_STRICTATIME, MS_UNBINDABLE, O_CREAT, O_DIRECTORY, O_RDONLY, O_WRONLY,
} from '../../kernel/constants';
import type { Errno } from '../../errno';
import { strerror } from '../../errno';
import { DialectError, type TranscriptLine } from '../../transcript/types';
import { defineProgram, exit, type ProgramContext, type ProgramOutcome } from '../program';
import { realpath } from '../realpath';
import { exists } from '../../userspace/libc';
import { parseMountinfo, type MountinfoEntry } from '../../userspace/mountinfo';

/** MNT_EX_FAIL: what mount(8) and umount(8) exit with when the syscall failed. */
const MNT_EX_FAIL = 32;
const MNT_EX_USAGE = 1;
const MNT_EX_SYSERR = 2;
/** MNT_EX_FILEIO: mounted, but the userspace mount table could not be updated. */
const MNT_EX_FILEIO = 16;

type MountRequest =
  | { readonly kind: 'list' }
  | { readonly kind: 'new'; readonly fstype: string; readonly source: string; readonly target: string }
  | { readonly kind: 'bind'; readonly recursive: boolean; readonly source: string; readonly target: string }
  | { readonly kind: 'move'; readonly source: string; readonly target: string }
  | { readonly kind: 'propagation'; readonly flags: number; readonly source: 'none'; readonly target: string }
  | { readonly kind: 'remount'; readonly options: readonly string[]; readonly source: 'none'; readonly target: string };

/**
 * libmount's map of the options a bind remount understands: each sets its
 * MS_* flag, or (the inverse words) clears it. "remount" and "bind" are the
 * operation itself.
 * After libmount/src/optmap.c (linux_flags_map, util-linux 2.38).
 */
const REMOUNT_OPTIONS: Readonly<Record<string, { readonly flag: number; readonly set: boolean }>> = {
  remount: { flag: MS_REMOUNT, set: true },
  bind: { flag: MS_BIND, set: true },
  ro: { flag: MS_RDONLY, set: true },
  rw: { flag: MS_RDONLY, set: false },
  nosuid: { flag: MS_NOSUID, set: true },
  suid: { flag: MS_NOSUID, set: false },
  nodev: { flag: MS_NODEV, set: true },
  dev: { flag: MS_NODEV, set: false },
  noexec: { flag: MS_NOEXEC, set: true },
  exec: { flag: MS_NOEXEC, set: false },
  noatime: { flag: MS_NOATIME, set: true },
  atime: { flag: MS_NOATIME, set: false },
  nodiratime: { flag: MS_NODIRATIME, set: true },
  diratime: { flag: MS_NODIRATIME, set: false },
  relatime: { flag: MS_RELATIME, set: true },
  norelatime: { flag: MS_RELATIME, set: false },
  strictatime: { flag: MS_STRICTATIME, set: true },
  nostrictatime: { flag: MS_STRICTATIME, set: false },
  nosymfollow: { flag: MS_NOSYMFOLLOW, set: true },
  symfollow: { flag: MS_NOSYMFOLLOW, set: false },
};

/**
 * mount(8)'s propagation options: each asks mount("none", DIR, NULL, MS_x)
 * of the kernel, the --make-r* forms with MS_REC.
 */
const PROPAGATION_OPTIONS: Readonly<Record<string, number>> = {
  '--make-shared': MS_SHARED,
  '--make-slave': MS_SLAVE,
  '--make-private': MS_PRIVATE,
  '--make-unbindable': MS_UNBINDABLE,
  '--make-rshared': MS_SHARED | MS_REC,
  '--make-rslave': MS_SLAVE | MS_REC,
  '--make-rprivate': MS_PRIVATE | MS_REC,
  '--make-runbindable': MS_UNBINDABLE | MS_REC,
};

/** The filesystem types the dialect may mount: the model's, and nothing that reaches the host's devices. */
export const MOUNT_TYPES: readonly string[] = ['tmpfs', 'proc'];

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
    if (!MOUNT_TYPES.includes(fstype!)) outside(`the dialect mounts only ${MOUNT_TYPES.join(' and ')} (-t ${fstype} is refused before anything runs)`);
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
  if (first === '-o') {
    const [optstr, target, ...extra] = rest;
    if (!optstr || !target || extra.length) outside('the dialect has "mount -o remount,bind,OPTIONS DIR"');
    const options = optstr!.split(',');
    if (!options.includes('remount') || !options.includes('bind')) outside('the dialect has -o only for a bind remount: "mount -o remount,bind,OPTIONS DIR"');
    const unknown = options.find((o) => !Object.hasOwn(REMOUNT_OPTIONS, o));
    if (unknown !== undefined) outside(`"${unknown}" is not an option the dialect has (${Object.keys(REMOUNT_OPTIONS).join(', ')})`);
    return { kind: 'remount', options, source: 'none', target: target! };
  }
  const propagation = PROPAGATION_OPTIONS[first];
  if (propagation !== undefined) {
    const [target, ...extra] = rest;
    if (!target || extra.length) outside(`the dialect has "mount ${first} DIR"`);
    return { kind: 'propagation', flags: propagation, source: 'none', target: target! };
  }
  return outside('not a form of mount in the dialect (mount -t TYPE SRC DIR, --bind, --rbind, --move, --make-[r]{shared,slave,private,unbindable}, -o remount,bind,...)');
}

/** What libmount adds under every message about a failed mount(2). */
const DMESG_HINT = '       dmesg(1) may have more information after failed mount system call.';

/**
 * libmount's words for a failed mount(2). For ENOENT it looks for itself:
 * a missing target is "mount point does not exist", a missing source "special device".
 */
/** What libmount looks at on the side when it words a failure. */
interface PathFacts {
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  isSharedTree(path: string): boolean;
}

function mountMessage(errno: Errno, request: Exclude<MountRequest, { kind: 'list' }>, source: string, facts: PathFacts): string {
  const { exists, isDirectory, isSharedTree } = facts;
  switch (errno) {
    case 'EINVAL':
      // Propagation flags are applied apart from the mount itself (MNT_ERR_APPLYFLAGS).
      if (request.kind === 'propagation') return 'not mount point or bad option.';
      if (request.kind === 'remount') return 'mount point not mounted or bad option.';
      if (request.kind === 'move' && isSharedTree(source)) return 'bad option; moving a mount residing under a shared mount is unsupported.';
      return `wrong fs type, bad option, bad superblock on ${source}, missing codepage or helper program, or other error.`;
    case 'ENOENT':
      if (!exists(request.target)) return 'mount point does not exist.';
      if (!exists(source)) return `special device ${source} does not exist.`;
      return `mount(2) system call failed: ${strerror(errno)}.`;
    case 'ENOTDIR':
      if (!isDirectory(request.target)) return 'mount point is not a directory.';
      return `mount(2) system call failed: ${strerror(errno)}.`;
    case 'EBUSY':
      return `${request.source} already mounted or mount point busy.`;
    case 'EPERM':
      // libmount as root: the kernel said no to this mount, not to us.
      return isDirectory(request.target) ? 'permission denied.' : 'mount point is not a directory.';
    case 'ENODEV':
      return `unknown filesystem type '${request.kind === 'new' ? request.fstype : ''}'.`;
    default:
      return `mount(2) system call failed: ${strerror(errno)}.`;
  }
}

/** /proc/self/mountinfo as libmount reads it, or the errno of the open that failed (ELOOP on a nosymfollow /proc). */
function loadMountinfo(ctx: ProgramContext): { ok: true; text: string } | { ok: false; errno: Errno } {
  const opened = ctx.sys.openat({ dfd: AT_FDCWD, path: '/proc/self/mountinfo', flags: 0 });
  if (!opened.ok) return { ok: false, errno: opened.errno };
  const text = ctx.sys.read({ fd: opened.value });
  ctx.sys.close({ fd: opened.value });
  return { ok: true, text: text.ok ? text.value : '' };
}

/** /proc/self/mountinfo as libmount reads it ('' when it cannot). */
function readMountinfo(ctx: ProgramContext): string {
  const loaded = loadMountinfo(ctx);
  return loaded.ok ? loaded.text : '';
}

/**
 * Does the mount holding `dir`'s parent directory (by mountinfo's mount
 * points: the last entry naming the nearest existing ancestor) have a
 * shared:N field? A name with no "/" but the first keeps itself.
 * After libmount/src/context_mount.c:is_shared_tree() and
 * tab.c:mnt_table_find_mountpoint() (util-linux 2.38).
 */
function isSharedTree(ctx: ProgramContext, dir: string): boolean {
  const slash = dir.lastIndexOf('/');
  if (slash < 0) return false;
  const start = slash > 0 ? dir.slice(0, slash) : dir;
  if (!exists(ctx.sys, start)) return false; // mnt_stat_mountpoint() failed
  const entries = parseMountinfo(readMountinfo(ctx)).reverse(); // MNT_ITER_BACKWARD
  const shared = (entry: MountinfoEntry) => entry.optionalFields.some((field) => /^shared:\d+$/.test(field));
  for (let path = start; ; ) {
    const found = entries.find((entry) => entry.mountPoint === path);
    if (found) return shared(found);
    if (path === '/' || path === '') break;
    const cut = path.lastIndexOf('/');
    if (cut < 0) break;
    path = path.slice(0, cut);
  }
  const root = entries.find((entry) => entry.mountPoint === '/');
  return root !== undefined && shared(root);
}

/** sys-utils/mount.c:safe_fputs(): a control character prints as "?". */
function safe(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, '?');
}

/** `mount` alone: "SOURCE on TARGET type FSTYPE (OPTIONS)" for each line of mountinfo. */
function listMounts(ctx: ProgramContext): ProgramOutcome {
  const table = readMountinfo(ctx);
  if (table === '') {
    // libmount treats an empty mountinfo as missing and falls back to /etc/mtab.
    ctx.err(`mount: failed to read mtab: ${strerror('ENOENT')}\n`);
    return exit(MNT_EX_SYSERR);
  }
  for (const entry of parseMountinfo(table)) {
    ctx.out(`${safe(entry.source)} on ${safe(entry.mountPoint)} type ${safe(entry.fsType)} (${mergeOptstr(entry.mountOptions, entry.superOptions)})\n`);
  }
  return exit(0);
}

/**
 * One option string from mountinfo's per-mount and superblock options:
 * "ro" if either says so, then the rest of each.
 * After libmount/src/fs.c:merge_optstr() (util-linux 2.38).
 */
export function mergeOptstr(vfs: string, fs: string): string {
  if (vfs === fs) return vfs;
  const options = [...vfs.split(','), ...fs.split(',')].filter(Boolean);
  const remove = (name: string): boolean => {
    const at = options.indexOf(name);
    if (at >= 0) options.splice(at, 1);
    return at >= 0;
  };
  const rw = Number(remove('rw')) + Number(remove('rw'));
  let ro = 0;
  if (rw !== 2) {
    ro += Number(remove('ro'));
    if (ro + rw < 2) ro += Number(remove('ro'));
  }
  return [ro ? 'ro' : 'rw', ...options].join(',');
}

/**
 * The flags of `mount -o remount,bind,OPTIONS DIR`: libmount first takes
 * the options DIR has now (its last mountinfo entry, merged), then the
 * command line's, each setting or clearing its flag in turn; so a remount
 * keeps whatever it does not name.
 * After libmount/src/context.c:mnt_context_apply_fstab() (mtab, prepend) and optstr.c:mnt_optstr_get_flags().
 */
function remountFlags(ctx: ProgramContext, target: string, options: readonly string[]): number {
  const entry = parseMountinfo(readMountinfo(ctx))
    .reverse()
    .find((e) => e.mountPoint === target);
  const current = entry ? mergeOptstr(entry.mountOptions, entry.superOptions).split(',') : [];
  let flags = 0;
  for (const option of [...current, ...options]) {
    const known = REMOUNT_OPTIONS[option];
    if (!known) continue; // a mountinfo option libmount does not map to a flag
    flags = known.set ? flags | known.flag : flags & ~known.flag;
  }
  return flags;
}

/** The mount(2) flags for a request. */
function mountFlags(request: Exclude<MountRequest, { kind: 'list' | 'remount' }>): number {
  switch (request.kind) {
    case 'move':
      return MS_MOVE;
    case 'bind':
      return MS_BIND | (request.recursive ? MS_REC : 0);
    case 'propagation':
      return request.flags;
    default:
      return 0;
  }
}

/** Where libmount keeps the userspace mount options (util-linux 2.38). */
const UTAB = '/run/mount/utab';

/**
 * After a successful move, libmount rewrites utab: it takes utab.lock (made
 * on first use, with /run/mount), writes a temporary file and renames it
 * over utab. Without a lock there is no update (exit 16); a write that
 * fails after the lock (a read-only root) exits 32. The model writes utab
 * itself for the temporary file and the rename, which leaves the same files.
 * After libmount/src/tab_update.c:update_modify_target() and utils.c:mnt_has_regular_utab().
 */
function updateUtabAfterMove(ctx: ProgramContext): { readonly status: number; readonly message: string } | null {
  if (!exists(ctx.sys, UTAB)) ctx.sys.mkdirat({ path: '/run/mount' }); // EEXIST and friends are ignored
  const lock = ctx.sys.openat({ dfd: AT_FDCWD, path: `${UTAB}.lock`, flags: O_RDONLY | O_CREAT });
  if (!lock.ok) return { status: MNT_EX_FILEIO, message: 'filesystem was mounted, but failed to update userspace mount table.' };
  const written = ctx.sys.openat({ dfd: AT_FDCWD, path: UTAB, flags: O_WRONLY | O_CREAT });
  ctx.sys.close({ fd: lock.value });
  if (!written.ok) return { status: MNT_EX_FAIL, message: `filesystem was mounted, but any subsequent operation failed: ${strerror(written.errno)}.` };
  ctx.sys.close({ fd: written.value });
  return null;
}

function runMount(ctx: ProgramContext, request: MountRequest): ProgramOutcome {
  if (request.kind === 'list') return listMounts(ctx);
  // libmount canonicalizes both paths; one realpath(3) cannot resolve is used as typed.
  const target = realpath(ctx.sys, request.target) ?? request.target;
  const source = request.kind === 'new' || request.kind === 'propagation' || request.kind === 'remount' ? request.source : realpath(ctx.sys, request.source) ?? request.source;
  const flags = request.kind === 'remount' ? remountFlags(ctx, target, request.options) : mountFlags(request);
  const result = ctx.sys.mount({ source, target, fstype: request.kind === 'new' ? request.fstype : '', flags });
  if (result.ok) {
    const failed = request.kind === 'move' ? updateUtabAfterMove(ctx) : null;
    if (!failed) return exit(0);
    ctx.err(`mount: ${target}: ${failed.message}\n`);
    return exit(failed.status);
  }
  const facts: PathFacts = {
    exists: (path) => realpath(ctx.sys, path) !== null,
    isDirectory: (path) => {
      const opened = ctx.sys.openat({ dfd: AT_FDCWD, path, flags: O_DIRECTORY });
      if (opened.ok) ctx.sys.close({ fd: opened.value });
      return opened.ok;
    },
    isSharedTree: (dir) => isSharedTree(ctx, dir),
  };
  ctx.err(`mount: ${target}: ${mountMessage(result.errno, request, source, facts)}\n${DMESG_HINT}\n`);
  return exit(MNT_EX_FAIL);
}

export const mount = defineProgram({
  name: 'mount',
  usage: [
    'mount',
    'mount -t tmpfs|proc SOURCE DIR',
    'mount --bind|-B|--rbind|-R|--move|-M SOURCE DIR',
    'mount --make-[r]shared|--make-[r]slave|--make-[r]private|--make-[r]unbindable DIR',
    `mount -o remount,bind[,OPTION...] DIR (OPTION: ${Object.keys(REMOUNT_OPTIONS).filter((o) => o !== 'remount' && o !== 'bind').join(' ')})`,
  ],
  summary: 'util-linux 2.38 mount(8): new mounts, binds, moves, propagation, bind remounts; with no arguments, the mount list',
  parse: parseMountArgs,
  run: runMount,
  live: { host: 'mount' },
});

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

/** umount(8)'s options in the dialect, each one flag of umount2(2). */
const UMOUNT_OPTIONS: Readonly<Record<string, number>> = { l: MNT_DETACH, f: MNT_FORCE };
const UMOUNT_LONG_OPTIONS: Readonly<Record<string, number>> = { '--lazy': MNT_DETACH, '--force': MNT_FORCE };

/** The dialect's forms of umount(8): `umount [-l|--lazy] [-f|--force] DIR` (short options may cluster: `-lf`). */
export interface UmountRequest {
  readonly flags: number;
  readonly targets: readonly string[];
}

export function parseUmountArgs(argv: readonly string[], place: TranscriptLine): UmountRequest {
  let flags = 0;
  const targets: string[] = [];
  for (const arg of argv.slice(1)) {
    const long = UMOUNT_LONG_OPTIONS[arg];
    if (long !== undefined) flags |= long;
    else if (/^-[lf]+$/.test(arg)) for (const letter of arg.slice(1)) flags |= UMOUNT_OPTIONS[letter]!;
    else if (arg.startsWith('-')) throw new DialectError(place, `umount ${arg}: the dialect has "umount [-l] [-f] DIR"`);
    else targets.push(arg);
  }
  return { flags, targets };
}

/**
 * Which name umount(8) hands to umount2(2), and names in its messages.
 * libmount skips the mount table for an absolute, existing target without
 * -l or -f (its "fast path"); otherwise it reads mountinfo (an empty one counts as
 * unreadable: ENOENT, and it gives up) and, when the canonical path is a
 * mountpoint there, uses that entry's name; else the name as typed.
 * After libmount/src/context_umount.c:lookup_umount_fs() (util-linux 2.38).
 */
function findUmountTarget(ctx: ProgramContext, typed: string, flags: number): { ok: true; target: string } | { ok: false; errno: Errno } {
  const canonical = realpath(ctx.sys, typed);
  if (typed.startsWith('/') && !(flags & (MNT_DETACH | MNT_FORCE)) && canonical !== null) return { ok: true, target: typed };
  // A table it cannot open fails with the open's errno; an empty one counts as missing (ENOENT).
  const loaded = loadMountinfo(ctx);
  if (!loaded.ok) return loaded;
  if (loaded.text === '') return { ok: false, errno: 'ENOENT' };
  const mountpoints = parseMountinfo(loaded.text).map((entry) => entry.mountPoint);
  const match = [typed, canonical].find((name) => name !== null && mountpoints.includes(name));
  return { ok: true, target: match ?? typed };
}

function runUmount(ctx: ProgramContext, { flags, targets }: UmountRequest): ProgramOutcome {
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
}

export const umount = defineProgram({
  name: 'umount',
  usage: ['umount [-l|--lazy] [-f|--force] DIR'],
  summary: 'util-linux 2.38 umount(8)',
  parse: parseUmountArgs,
  run: runUmount,
  live: { host: 'umount' },
});
