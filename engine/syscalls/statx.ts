import { STATX_MNT_ID, STATX_MNT_ID_UNIQUE } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { pathLookupAt } from '../fs/namei';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';
import { mntIdUnique } from './statmount';

export interface StatxArgs {
  readonly dfd: number;
  readonly path: string;
  readonly flags: number;
  /** STATX_* bits asked for; the model answers only the mount id ones. */
  readonly mask: number;
}

/** The part of struct statx the model fills: which mount the path is on. */
export interface Statx {
  readonly stx_mask: number;
  /** The reused id (mountinfo's), or with STATX_MNT_ID_UNIQUE the 64-bit unique one. */
  readonly stx_mnt_id: bigint;
}

/**
 * statx(2), its mount id only: STATX_MNT_ID (5.8) or STATX_MNT_ID_UNIQUE
 * (6.8, which wins when both are asked); a ver #12 (v4.19) kernel has
 * neither and leaves them out of stx_mask.
 * Analogous to fs/stat.c:vfs_statx() -> cp_statx() (6.18).
 */
export function statx(k: Kernel, task: Task, args: StatxArgs): SyscallResult<Statx> {
  return enterSyscall(k, task, 'statx', () => {
    if (args.flags !== 0) return fail('EINVAL'); // the dialect's programs pass none
    const found = pathLookupAt(k, task, args.dfd, args.path);
    if (!found.ok) return found;
    const mnt = found.value.path.mnt;
    if (k.variant.base === 'v4.19') return ok({ stx_mask: 0, stx_mnt_id: 0n });
    if (args.mask & STATX_MNT_ID_UNIQUE) return ok({ stx_mask: STATX_MNT_ID_UNIQUE, stx_mnt_id: mntIdUnique(mnt) });
    if (args.mask & STATX_MNT_ID) return ok({ stx_mask: STATX_MNT_ID, stx_mnt_id: BigInt(mnt.mnt_id) });
    return ok({ stx_mask: 0, stx_mnt_id: 0n });
  });
}
