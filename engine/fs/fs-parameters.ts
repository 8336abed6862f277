// The parameters tmpfs and proc take through fsconfig(2): how each value is
// parsed (and which message a bad one leaves in the context's log), what
// CMD_CREATE makes of them, what CMD_RECONFIGURE may change, and how
// mountinfo and statmount show them. Only what the dialect can ask for.

import type { Dentry, FsContext, FsInfo, SuperBlock } from '../kernel/types';

const PAGE_SIZE = 4096n;
const U64 = (1n << 64n) - 1n;
const U32_MAX = 0xffffffffn;
/** nr_inodes above ULONG_MAX / BOGO_INODE_SIZE is a bad value (mm/shmem.c, 6.6+). */
const MAX_INODES = U64 / 1024n;
const DEFAULT_TMPFS_MODE = 0o1777;

/** A parameter was refused: EINVAL, with the messages it left in the log (in order). */
export interface ParamError {
  readonly errno: 'EINVAL';
  readonly messages: readonly string[];
}

/**
 * simple_strtoull(s, &end, 0) then memparse()'s suffix: the number (mod 2^64,
 * as the kernel's wraps) and what is left after it.
 * Analogous to lib/cmdline.c:memparse() (6.18).
 */
export function memparse(s: string): { value: bigint; rest: string } {
  let base = 10n;
  let i = 0;
  if (s[0] === '0' && (s[1] === 'x' || s[1] === 'X') && /[0-9a-f]/i.test(s[2] ?? '')) {
    base = 16n;
    i = 2;
  } else if (s[0] === '0') base = 8n;
  let value = 0n;
  for (; i < s.length; i++) {
    const digit = parseInt(s[i]!, 16);
    if (Number.isNaN(digit) || BigInt(digit) >= base) break;
    value = (value * base + BigInt(digit)) & U64;
  }
  const shift = { k: 10n, m: 20n, g: 30n, t: 40n, p: 50n, e: 60n }[s[i]?.toLowerCase() ?? ''];
  if (shift !== undefined) {
    value = (value << shift) & U64;
    i++;
  }
  return { value, rest: s.slice(i) };
}

/** kstrtouint(s, 8) / kstrtouint(s, 10): digits only (an optional "+"), at most 32 bits. */
function kstrtouint(s: string, base: 8 | 10): number | null {
  const digits = s.startsWith('+') ? s.slice(1) : s;
  const pattern = base === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!pattern.test(digits)) return null;
  const value = BigInt(base === 8 ? `0o${digits}` : digits);
  return value > U32_MAX ? null : Number(value);
}

const bad = (fs: string, key: string, times = 1): ParamError => ({ errno: 'EINVAL', messages: Array(times).fill(`${fs}: Bad value for '${key}'`) });

/**
 * One tmpfs parameter into the context's params, or the error and its log lines.
 * Analogous to mm/shmem.c:shmem_parse_one() with fs_parse() (6.18).
 */
function parseTmpfs(key: string, value: string | null, params: Map<string, number | string>, userIsInit: boolean): ParamError | null {
  switch (key) {
    case 'size':
    case 'nr_blocks': {
      if (value === null) return bad('tmpfs', key);
      const { value: n, rest } = memparse(value);
      if (rest !== '') return bad('tmpfs', key);
      const pages = key === 'size' ? (n + PAGE_SIZE - 1n) / PAGE_SIZE : n;
      params.set('blocks', Number(pages));
      return null;
    }
    case 'nr_inodes': {
      if (value === null) return bad('tmpfs', key);
      const { value: n, rest } = memparse(value);
      if (rest !== '' || n > MAX_INODES) return bad('tmpfs', key);
      params.set('inodes', Number(n));
      return null;
    }
    case 'mode': {
      const mode = value === null ? null : kstrtouint(value, 8);
      if (mode === null) return bad('tmpfs', key);
      params.set('mode', mode & 0o7777);
      return null;
    }
    case 'uid':
    case 'gid': {
      // fs_param_is_uid()/gid() log a bad number, and shmem_parse_one() logs it again.
      const id = value === null ? null : kstrtouint(value, 10);
      if (id === null) return bad('tmpfs', key, 2);
      // make_kuid(fc->user_ns, id): a user namespace made by `unshare -r` maps only 0; (uid_t)-1 is never valid.
      if (id === 0xffffffff || (!userIsInit && id !== 0)) return { errno: 'EINVAL', messages: [`tmpfs: Invalid ${key} '${value}'`] };
      params.set(key, id);
      return null;
    }
  }
  return { errno: 'EINVAL', messages: [`tmpfs: Unknown parameter '${key}'`] };
}

const HIDEPID: Readonly<Record<string, 0 | 1 | 2 | 4>> = { off: 0, noaccess: 1, invisible: 2, ptraceable: 4, '0': 0, '1': 1, '2': 2, '4': 4 };
const HIDEPID_NAMES = ['off', 'noaccess', 'invisible', undefined, 'ptraceable'];

/** One proc parameter. Analogous to fs/proc/root.c:proc_parse_param() (6.18); its own messages end in a newline. */
function parseProc(key: string, value: string | null, params: Map<string, number | string>): ParamError | null {
  switch (key) {
    case 'hidepid': {
      if (value === null) return bad('proc', key);
      const mode = HIDEPID[value];
      if (mode === undefined) return { errno: 'EINVAL', messages: [`proc: unknown value of hidepid - ${value}\n`] };
      params.set('hidepid', mode);
      return null;
    }
    case 'subset': {
      if (value === null) return bad('proc', key);
      if (value !== 'pid') return { errno: 'EINVAL', messages: [`proc: unsupported subset option - ${value}\n`] };
      params.set('subset', 'pid');
      return null;
    }
  }
  return { errno: 'EINVAL', messages: [`proc: Unknown parameter '${key}'`] };
}

/** The filesystem's own parse_param(): null when taken. */
export function parseFsParam(fc: FsContext, key: string, value: string | null, userIsInit: boolean): ParamError | null {
  return fc.fs_type === 'tmpfs' ? parseTmpfs(key, value, fc.params, userIsInit) : parseProc(key, value, fc.params);
}

/** The parameters each filesystem knows (the dialect's list; "foo" is one no filesystem has). */
export const FS_PARAMETERS: Readonly<Record<FsContext['fs_type'], readonly string[]>> = {
  tmpfs: ['size', 'nr_blocks', 'nr_inodes', 'mode', 'uid', 'gid'],
  proc: ['hidepid', 'subset'],
};

/** s_fs_info for a new superblock from the context's params (shmem_fill_super / proc_fill_super, reduced). */
export function fillSuperInfo(fc: FsContext): FsInfo {
  const p = fc.params;
  if (fc.fs_type === 'proc') return { fstype: 'proc', hidepid: (p.get('hidepid') as 0 | 1 | 2 | 4 | undefined) ?? 0, subset_pid: p.has('subset') };
  return {
    fstype: 'tmpfs',
    max_blocks: (p.get('blocks') as number | undefined) ?? null,
    max_inodes: (p.get('inodes') as number | undefined) ?? null,
    mode: (p.get('mode') as number | undefined) ?? DEFAULT_TMPFS_MODE,
    uid: (p.get('uid') as number | undefined) ?? 0,
    gid: (p.get('gid') as number | undefined) ?? 0,
  };
}

/** A superblock mount(2) made has the defaults; one fsconfig made carries its own. */
export function superInfo(sb: SuperBlock): FsInfo | null {
  if (sb.s_fs_info) return sb.s_fs_info;
  if (sb.fstype === 'tmpfs') return { fstype: 'tmpfs', max_blocks: null, max_inodes: null, mode: DEFAULT_TMPFS_MODE, uid: 0, gid: 0 };
  if (sb.fstype === 'proc') return { fstype: 'proc', hidepid: 0, subset_pid: false };
  return null;
}

/** Inodes in use: one per dentry of the tree (the root included), as tmpfs counts them. */
export function inodesInUse(root: Dentry): number {
  let n = 1;
  for (const child of root.children.values()) n += inodesInUse(child);
  return n;
}

/**
 * May a new inode be made on this superblock? tmpfs with nr_inodes counts
 * them (ENOSPC past the limit; 0 is unlimited).
 * Analogous to mm/shmem.c:shmem_reserve_inode() (6.18).
 */
export function shmemReserveInode(sb: SuperBlock): boolean {
  const info = sb.s_fs_info;
  if (info?.fstype !== 'tmpfs' || !info.max_inodes) return true;
  return inodesInUse(sb.s_root) < info.max_inodes;
}

/**
 * Apply a reconfiguration's params to the superblock, or refuse it with
 * tmpfs's message. Only size and nr_inodes change; mode, uid and gid are
 * taken and ignored, as on the live kernel.
 * Analogous to mm/shmem.c:shmem_reconfigure() (6.18); proc_reconfigure() keeps only sync_filesystem's part.
 */
export function reconfigureFsInfo(fc: FsContext, sb: SuperBlock): string | null {
  const info = superInfo(sb);
  if (info?.fstype !== 'tmpfs') {
    if (info?.fstype === 'proc' && (fc.params.has('hidepid') || fc.params.has('subset'))) {
      sb.s_fs_info = { fstype: 'proc', hidepid: (fc.params.get('hidepid') as 0 | 1 | 2 | 4 | undefined) ?? info.hidepid, subset_pid: fc.params.has('subset') || info.subset_pid };
    }
    return null;
  }
  const blocks = fc.params.get('blocks') as number | undefined;
  const inodes = fc.params.get('inodes') as number | undefined;
  if (blocks) {
    if (info.max_blocks === 0) return 'Cannot retroactively limit size';
    // Files here are empty: no blocks are in use, so no size is too small.
  }
  if (inodes) {
    if (info.max_inodes === 0) return 'Cannot retroactively limit inodes';
    if (inodes < inodesInUse(sb.s_root)) return 'Too few inodes for current use';
  }
  sb.s_fs_info = { ...info, max_blocks: blocks ?? info.max_blocks, max_inodes: inodes ?? info.max_inodes };
  return null;
}

/**
 * The superblock's options after "rw"/"ro" in mountinfo (and, without the
 * leading comma, statmount's mnt_opts).
 * Analogous to mm/shmem.c:shmem_show_options() and fs/proc/root.c:proc_show_options() (6.18).
 */
export function showOptions(sb: SuperBlock): string[] {
  const info = sb.s_fs_info;
  if (!info) return [];
  if (info.fstype === 'proc') {
    const opts: string[] = [];
    if (info.hidepid) opts.push(`hidepid=${HIDEPID_NAMES[info.hidepid]}`);
    if (info.subset_pid) opts.push('subset=pid');
    return opts;
  }
  const opts: string[] = [];
  if (info.max_blocks !== null) opts.push(`size=${info.max_blocks * 4}k`);
  if (info.max_inodes !== null) opts.push(`nr_inodes=${info.max_inodes}`);
  if (info.mode !== DEFAULT_TMPFS_MODE) opts.push(`mode=${info.mode.toString(8).padStart(3, '0')}`);
  if (info.uid !== 0) opts.push(`uid=${info.uid}`);
  if (info.gid !== 0) opts.push(`gid=${info.gid}`);
  return opts;
}
