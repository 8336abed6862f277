// Our helpers for mount_setattr(2) and open_tree_attr(2)
// (engine/live/helpers/mount_setattr.c, open_tree_attr.c and the SPEC
// grammar of mount_attr.h): util-linux 2.38 has no form for either call.

import {
  AT_EMPTY_PATH, AT_FDCWD, AT_RECURSIVE, AT_SYMLINK_NOFOLLOW, MOUNT_ATTR__ATIME, MOUNT_ATTR_IDMAP, MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV, MOUNT_ATTR_NODIRATIME, MOUNT_ATTR_NOEXEC, MOUNT_ATTR_NOSUID, MOUNT_ATTR_NOSYMFOLLOW, MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_RELATIME, MOUNT_ATTR_SIZE_VER0, MOUNT_ATTR_STRICTATIME, MS_PRIVATE, MS_SHARED, MS_SLAVE, MS_UNBINDABLE, OPEN_TREE_CLONE,
} from '../../kernel/constants';
import type { MountAttr } from '../../syscalls/mount_setattr';
import { defineProgram, exit, type ProgramContext, type ProgramOutcome } from '../program';
import { failed, installAndExec } from './fs-context-helpers';

/** MOUNT_ATTR_* names a SPEC item may carry after + or -. */
const ATTR_NAMES: Readonly<Record<string, number>> = {
  ro: MOUNT_ATTR_RDONLY,
  nosuid: MOUNT_ATTR_NOSUID,
  nodev: MOUNT_ATTR_NODEV,
  noexec: MOUNT_ATTR_NOEXEC,
  nodiratime: MOUNT_ATTR_NODIRATIME,
  nosymfollow: MOUNT_ATTR_NOSYMFOLLOW,
  noatime: MOUNT_ATTR_NOATIME,
  strictatime: MOUNT_ATTR_STRICTATIME,
  relatime: MOUNT_ATTR_RELATIME,
  atime: MOUNT_ATTR__ATIME,
};

const PROPAGATION_NAMES: Readonly<Record<string, number>> = { shared: MS_SHARED, slave: MS_SLAVE, private: MS_PRIVATE, unbindable: MS_UNBINDABLE };

/** Digits only, at most 8 hex or 10 decimal ones (mount_attr.h's parse_number()). */
export function parseNumber(text: string, base: 10 | 16): number | null {
  const pattern = base === 16 ? /^[0-9a-fA-F]{1,8}$/ : /^[0-9]{1,10}$/;
  return pattern.test(text) ? parseInt(text, base) : null;
}

/**
 * SPEC, as mount_attr.h reads it: comma-separated items, each +ATTR (into
 * attr_set) or -ATTR (attr_clr), -atime (the whole MOUNT_ATTR__ATIME),
 * +idmap:FD / -idmap, +0xHEX / -0xHEX raw bits, or a propagation type;
 * "-" alone is a NULL struct. Null when malformed.
 */
export function parseMountAttrSpec(spec: string): { attr: MountAttr | null } | null {
  if (spec === '-') return { attr: null };
  const attr = { attr_set: 0, attr_clr: 0, propagation: 0, userns_fd: 0 };
  for (const item of spec.split(',').filter((i) => i !== '')) {
    if (Object.hasOwn(PROPAGATION_NAMES, item)) {
      attr.propagation |= PROPAGATION_NAMES[item]!;
      continue;
    }
    const sign = item[0];
    if (sign !== '+' && sign !== '-') return null;
    const field = sign === '+' ? 'attr_set' : 'attr_clr';
    const name = item.slice(1);
    if (name.startsWith('0x')) {
      const bits = parseNumber(name.slice(2), 16);
      if (bits === null) return null;
      attr[field] = (attr[field] | bits) >>> 0;
    } else if (sign === '+' && name.startsWith('idmap:')) {
      const fd = parseNumber(name.slice('idmap:'.length), 10);
      if (fd === null) return null;
      attr.attr_set = (attr.attr_set | MOUNT_ATTR_IDMAP) >>> 0;
      attr.userns_fd = fd;
    } else if (sign === '-' && name === 'idmap') {
      attr.attr_clr = (attr.attr_clr | MOUNT_ATTR_IDMAP) >>> 0;
    } else if (Object.hasOwn(ATTR_NAMES, name) && !(sign === '+' && name === 'atime')) {
      attr[field] = (attr[field] | ATTR_NAMES[name]!) >>> 0;
    } else {
      return null;
    }
  }
  return { attr };
}

/** Largest -s SIZE the helpers take (SPEC_MAX_SIZE). */
const SPEC_MAX_SIZE = 8192;

/** The operands of `mount_setattr [-r] [-n] [-e] [-s SIZE] [-F HEX] PATH [SPEC]`, or null (usage). */
export function mountSetattrArgs(argv: readonly string[]): { dfd: number; path: string; flags: number; size: number; attr: MountAttr | null } | null {
  let flags = 0;
  let size = MOUNT_ATTR_SIZE_VER0;
  let empty = false;
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
    const option = argv[i];
    if (option === '-r') flags |= AT_RECURSIVE;
    else if (option === '-n') flags |= AT_SYMLINK_NOFOLLOW;
    else if (option === '-e') empty = true;
    else if (option === '-s' && i + 1 < argv.length) {
      const value = parseNumber(argv[++i]!, 10);
      if (value === null || value > SPEC_MAX_SIZE) return null;
      size = value;
    } else if (option === '-F' && i + 1 < argv.length) {
      const value = parseNumber(argv[++i]!, 16);
      if (value === null) return null;
      flags = (flags | value) >>> 0;
    } else return null;
  }
  const operands = argv.slice(i);
  if (operands.length < 1 || operands.length > 2) return null;
  const spec = operands.length === 2 ? parseMountAttrSpec(operands[1]!) : { attr: { attr_set: 0, attr_clr: 0, propagation: 0, userns_fd: 0 } };
  if (!spec) return null;
  if (!empty) return { dfd: AT_FDCWD, path: operands[0]!, flags, size, attr: spec.attr };
  const fd = parseNumber(operands[0]!, 10);
  if (fd === null || fd > 0x7fffffff) return null;
  return { dfd: fd, path: '', flags: (flags | AT_EMPTY_PATH) >>> 0, size, attr: spec.attr };
}

const MOUNT_SETATTR_USAGE = 'mount_setattr [-r] [-n] [-e] [-s SIZE] [-F HEX] PATH [SPEC]';

/**
 * mount_setattr(AT_FDCWD, PATH, flags, &attr, SIZE); with -e PATH is an fd,
 * passed with "" and AT_EMPTY_PATH.
 */
function runMountSetattr(ctx: ProgramContext, args: ReturnType<typeof mountSetattrArgs>): ProgramOutcome {
  if (!args) {
    ctx.err(`usage: ${MOUNT_SETATTR_USAGE}\n`);
    return exit(2);
  }
  const result = ctx.sys.mount_setattr(args);
  return result.ok ? exit(0) : failed(ctx, 'mount_setattr', result);
}

export const mountSetattr = defineProgram({
  name: 'mount_setattr',
  usage: [MOUNT_SETATTR_USAGE],
  summary:
    'ours (util-linux 2.38 has no form): `mount_setattr(2)` (5.12) on PATH, with `-r` `AT_RECURSIVE`, `-n` `AT_SYMLINK_NOFOLLOW`, `-e` PATH an fd (`AT_EMPTY_PATH`), `-s` the struct\'s size, `-F` raw flags. SPEC writes `struct mount_attr` out: `+ATTR`/`-ATTR` (`ro nosuid nodev noexec nodiratime nosymfollow noatime strictatime relatime`) into `attr_set`/`attr_clr`, `-atime` the whole `MOUNT_ATTR__ATIME`, `+idmap:FD`/`-idmap`, `+0xHEX`/`-0xHEX` raw bits, `shared`/`slave`/`private`/`unbindable` into `propagation`',
  parse: (argv) => mountSetattrArgs(argv),
  run: runMountSetattr,
  live: { helper: 'mount_setattr' },
});

/** The operands of `open_tree_attr [-c] [-r] [-s SIZE] FD SPEC COMMAND [ARG...]`, or null (usage). */
export function openTreeAttrArgs(argv: readonly string[]): { fd: number; flags: number; size: number; attr: MountAttr | null; command: readonly string[] } | null {
  let flags = AT_EMPTY_PATH;
  let size: number | null = null;
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
    const option = argv[i];
    if (option === '-c') flags |= OPEN_TREE_CLONE;
    else if (option === '-r') flags |= AT_RECURSIVE;
    else if (option === '-s' && i + 1 < argv.length) {
      size = parseNumber(argv[++i]!, 10);
      if (size === null || size > SPEC_MAX_SIZE) return null;
    } else return null;
  }
  if (argv.length - i < 3) return null;
  const fd = parseNumber(argv[i]!, 10);
  const spec = parseMountAttrSpec(argv[i + 1]!);
  if (fd === null || fd > 0x7fffffff || !spec) return null;
  return { fd, flags, size: size ?? (spec.attr ? MOUNT_ATTR_SIZE_VER0 : 0), attr: spec.attr, command: argv.slice(i + 2) };
}

const OPEN_TREE_ATTR_USAGE = 'open_tree_attr [-c] [-r] [-s SIZE] N SPEC CMD [ARG...]';

/**
 * Fd N (the shell's `N<P`) is replaced by open_tree_attr(N, "",
 * flags|AT_EMPTY_PATH, &attr, SIZE), then CMD runs with it, as open_tree does.
 */
function runOpenTreeAttr(ctx: ProgramContext, args: ReturnType<typeof openTreeAttrArgs>): ProgramOutcome {
  if (!args) {
    ctx.err(`usage: ${OPEN_TREE_ATTR_USAGE}\n`);
    return exit(2);
  }
  const opened = ctx.sys.open_tree_attr({ dfd: args.fd, path: '', flags: args.flags, attr: args.attr, size: args.size });
  if (!opened.ok) return failed(ctx, 'open_tree_attr', opened);
  return installAndExec(ctx, 'open_tree_attr', opened.value, args.fd, false, args.command);
}

export const openTreeAttr = defineProgram({
  name: 'open_tree_attr',
  usage: [OPEN_TREE_ATTR_USAGE],
  summary:
    'ours: `open_tree_attr(2)` (6.15) on fd N as `open_tree` does it (`-c` `OPEN_TREE_CLONE`, `-r` `AT_RECURSIVE`), with SPEC as for `mount_setattr` (`-` a NULL struct) applied before the fd exists, then CMD with the new fd on N',
  parse: (argv) => openTreeAttrArgs(argv),
  execs: (args) => args?.command ?? [],
  run: runOpenTreeAttr,
  live: { helper: 'open_tree_attr' },
});
