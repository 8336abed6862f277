// statmount, as engine/live/helpers/statmount.c (listmount.ts shares its
// operands): a mount is named by a path (its unique id from statx
// STATX_MNT_ID_UNIQUE) or by `-i ID`, in the caller's mount namespace or,
// with `-n NSFILE`, in the one an nsfs file stands for; the output is one "key: value" a line
// (README, "statmount's output"), ids as the kernel gave them: the
// differential check and the spec's steps renumber them (runner/renumber-ids.ts).

import {
  AT_FDCWD, NS_GET_MNTNS_ID, O_RDONLY, MOUNT_ATTR__ATIME, MOUNT_ATTR_IDMAP, MOUNT_ATTR_NOATIME, MOUNT_ATTR_NODEV, MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC, MOUNT_ATTR_NOSUID, MOUNT_ATTR_NOSYMFOLLOW, MOUNT_ATTR_RDONLY, MOUNT_ATTR_STRICTATIME, MS_PRIVATE, MS_SHARED, MS_SLAVE,
  MS_UNBINDABLE, STATMOUNT_FS_TYPE, STATMOUNT_MNT_BASIC, STATMOUNT_MNT_NS_ID, STATMOUNT_MNT_OPTS, STATMOUNT_MNT_POINT, STATMOUNT_MNT_ROOT,
  STATMOUNT_PROPAGATE_FROM, STATMOUNT_SB_BASIC, STATMOUNT_SB_SOURCE, STATX_MNT_ID_UNIQUE,
} from '../../kernel/constants';
import { strerror } from '../../errno';
import type { Statmount } from '../../syscalls/statmount';
import { DialectError, type TranscriptLine } from '../../transcript/types';
import { defineProgram, exit, type ProgramContext, type ProgramOutcome } from '../program';
import { failed } from './fs-context-helpers';

/** Which mount: a path, or an id typed as is (for the kernel's checks on ids). */
export type MountOperand = { readonly path: string } | { readonly id: bigint } | null;

const ID = /^\d{1,20}$/;

export function mountOperand(rest: readonly string[], name: string, place: TranscriptLine, optional: boolean): MountOperand {
  const usage = `the dialect has "${name} ${optional ? '[-r] [-n NSFILE] [PATH | -i ID]' : '[-n NSFILE] PATH'}" and "${name} ${optional ? '[-r] ' : ''}[-n NSFILE] -i ID"`;
  if (rest.length === 0 && optional) return null;
  if (rest[0] === '-i' && rest.length === 2 && ID.test(rest[1]!) && BigInt(rest[1]!) < 1n << 64n) return { id: BigInt(rest[1]!) };
  if (rest.length === 1 && !rest[0]!.startsWith('-')) return { path: rest[0]! };
  throw new DialectError(place, usage);
}

/** `-n NSFILE` before the mount: the namespace file whose mount namespace to ask about (mnt_id_req.mnt_ns_id), else null. */
export function nsOption(rest: readonly string[]): { readonly nsFile: string | null; readonly rest: readonly string[] } {
  if (rest[0] === '-n' && rest.length >= 2 && !rest[1]!.startsWith('-')) return { nsFile: rest[1]!, rest: rest.slice(2) };
  return { nsFile: null, rest };
}

export interface StatmountArgs {
  readonly nsFile: string | null;
  readonly mount: MountOperand;
}

/** `statmount [-n NSFILE] PATH | -i ID` */
export function parseStatmount(argv: readonly string[], place: TranscriptLine): StatmountArgs {
  const { nsFile, rest } = nsOption(argv.slice(1));
  return { nsFile, mount: mountOperand(rest, 'statmount', place, false) };
}

/**
 * The id of the mount namespace NSFILE stands for (0n: none asked, the
 * caller's), from ioctl(NS_GET_MNTNS_ID) on it, or null after printing why
 * not. As engine/live/helpers/mount_api.h:mnt_ns_id_of().
 */
export function mntNsIdOf(ctx: ProgramContext, name: string, nsFile: string | null): bigint | null {
  if (nsFile === null) return 0n;
  const fd = ctx.sys.openat({ dfd: AT_FDCWD, path: nsFile, flags: O_RDONLY });
  if (!fd.ok) {
    ctx.err(`${name}: ${nsFile}: ${strerror(fd.errno)}\n`);
    return null;
  }
  const id = ctx.sys.ioctl({ fd: fd.value, cmd: NS_GET_MNTNS_ID });
  ctx.sys.close({ fd: fd.value });
  if (id.ok) return id.value;
  ctx.err(`${name}: ${nsFile}: ${strerror(id.errno)}\n`);
  return null;
}

/** The unique id of the mount at a path, or the message the helper prints. */
export function uniqueId(ctx: ProgramContext, name: string, mount: NonNullable<MountOperand>): bigint | null {
  if ('id' in mount) return mount.id;
  const st = ctx.sys.statx({ dfd: AT_FDCWD, path: mount.path, flags: 0, mask: STATX_MNT_ID_UNIQUE });
  if (!st.ok) ctx.err(`${name}: ${mount.path}: ${strerror(st.errno)}\n`);
  else if (!(st.value.stx_mask & STATX_MNT_ID_UNIQUE)) ctx.err(`${name}: ${mount.path}: ${strerror('EOPNOTSUPP')}\n`);
  else return st.value.stx_mnt_id;
  return null;
}

const ALL_FIELDS =
  STATMOUNT_SB_BASIC | STATMOUNT_MNT_BASIC | STATMOUNT_PROPAGATE_FROM | STATMOUNT_MNT_ROOT | STATMOUNT_MNT_POINT | STATMOUNT_FS_TYPE |
  STATMOUNT_MNT_NS_ID | STATMOUNT_MNT_OPTS | STATMOUNT_SB_SOURCE;

/** MOUNT_ATTR_* names: the flags, the atime mode (relatime is 0), then the rest. */
export function attrNames(attr: number): string {
  const names: string[] = [
    ...([[MOUNT_ATTR_RDONLY, 'rdonly'], [MOUNT_ATTR_NOSUID, 'nosuid'], [MOUNT_ATTR_NODEV, 'nodev'], [MOUNT_ATTR_NOEXEC, 'noexec']] as const)
      .filter(([bit]) => attr & bit)
      .map(([, name]) => name),
  ];
  const atime = attr & MOUNT_ATTR__ATIME;
  names.push(atime === MOUNT_ATTR_NOATIME ? 'noatime' : atime === MOUNT_ATTR_STRICTATIME ? 'strictatime' : 'relatime');
  for (const [bit, name] of [[MOUNT_ATTR_NODIRATIME, 'nodiratime'], [MOUNT_ATTR_IDMAP, 'idmap'], [MOUNT_ATTR_NOSYMFOLLOW, 'nosymfollow']] as const) {
    if (attr & bit) names.push(name);
  }
  return names.join(',');
}

function propagationNames(flags: number): string {
  return ([[MS_SHARED, 'shared'], [MS_SLAVE, 'slave'], [MS_UNBINDABLE, 'unbindable'], [MS_PRIVATE, 'private']] as const)
    .filter(([bit]) => flags & bit)
    .map(([, name]) => name)
    .join(',');
}

/** The helper's text for one struct statmount: a string the kernel left out prints as "key:". */
export function formatStatmount(sm: Statmount): string {
  const str = (key: string, value: string | undefined) => (value === undefined ? `${key}:\n` : `${key}: ${value}\n`);
  return [
    `mnt_id: ${sm.mnt_id}\n`,
    `parent_id: ${sm.mnt_parent_id}\n`,
    `mnt_id_old: ${sm.mnt_id_old}\n`,
    `parent_id_old: ${sm.mnt_parent_id_old}\n`,
    `mnt_ns_id: ${sm.mnt_ns_id}\n`,
    str('fs_type', sm.fs_type),
    str('sb_source', sm.sb_source),
    `sb_dev: ${sm.sb_dev_major}:${sm.sb_dev_minor}\n`,
    `sb_magic: 0x${sm.sb_magic!.toString(16)}\n`,
    `sb_flags: ${sm.sb_flags! & 1 ? 'ro' : 'rw'}\n`,
    str('mnt_root', sm.mnt_root),
    str('mnt_point', sm.mnt_point),
    `mnt_attr: ${attrNames(sm.mnt_attr!)}\n`,
    str('mnt_opts', sm.mnt_opts),
    `propagation: ${propagationNames(sm.mnt_propagation!)}\n`,
    `peer_group: ${sm.mnt_peer_group}\n`,
    `master: ${sm.mnt_master}\n`,
    `propagate_from: ${sm.propagate_from}\n`,
  ].join('');
}

function runStatmount(ctx: ProgramContext, args: StatmountArgs): ProgramOutcome {
  const nsId = mntNsIdOf(ctx, 'statmount', args.nsFile);
  if (nsId === null) return exit(1);
  const id = uniqueId(ctx, 'statmount', args.mount!);
  if (id === null) return exit(1);
  const sm = ctx.sys.statmount({ req: { mnt_id: id, param: BigInt(ALL_FIELDS), mnt_ns_id: nsId }, flags: 0 });
  if (!sm.ok) return failed(ctx, 'statmount', sm);
  ctx.out(formatStatmount(sm.value));
  return exit(0);
}

export const statmount = defineProgram({
  name: 'statmount',
  usage: ['statmount [-n NSFILE] P', 'statmount [-n NSFILE] -i ID'],
  summary:
    'the unique id of P\'s mount from `statx(STATX_MNT_ID_UNIQUE)` (or ID), then `statmount(2)`: 18 `key: value` lines (the format is below); `-n NSFILE`: of the mount namespace NSFILE (`/proc/PID/ns/mnt`) stands for, its id from `ioctl(NS_GET_MNTNS_ID)` as `mnt_ns_id`',
  parse: parseStatmount,
  run: runStatmount,
  live: { helper: 'statmount' },
});
