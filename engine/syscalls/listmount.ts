import { LISTMOUNT_REVERSE, LSMT_ROOT, MNT_UNIQUE_ID_OFFSET } from '../kernel/constants';
import type { Kernel, Path, Task } from '../kernel/types';
import { nsCapable } from '../kernel/user-namespace';
import { isPathReachable } from '../pnode/get-dominating-id';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';
import { mountApiMissing } from './mount-api-variants';
import { grabRequestedMntNs, grabRequestedRoot, lookupMntInNs, mayLookInMntNs, mntIdUnique, type MntIdReq } from './statmount';

export interface ListmountArgs {
  /** mnt_id: the mount whose descendants to list, or LSMT_ROOT; param: the last id seen. */
  readonly req: MntIdReq;
  readonly nrMntIds: number;
  readonly flags: number;
}

/** More than this many ids in one call is EOVERFLOW (listmount's maxcount). */
const MAX_COUNT = 1_000_000;

/**
 * listmount(2) (6.8): the unique ids of the mounts below a mount (LSMT_ROOT:
 * every mount the caller's root reaches, itself included), in id order
 * (reversed with LISTMOUNT_REVERSE), after the last id already seen, at
 * most nrMntIds of them.
 * Analogous to fs/namespace.c:SYSCALL_DEFINE4(listmount) + do_listmount() (6.18).
 */
export function listmount(k: Kernel, task: Task, args: ListmountArgs): SyscallResult<bigint[]> {
  return enterSyscall(k, task, 'listmount', () => {
    if (mountApiMissing(k)) return fail('ENOSYS');
    if (args.flags & ~LISTMOUNT_REVERSE) return fail('EINVAL');
    if (args.nrMntIds > MAX_COUNT) return fail('EOVERFLOW');
    if (args.req.mnt_id <= MNT_UNIQUE_ID_OFFSET) return fail('EINVAL'); // copy_mnt_id_req()
    const last = args.req.param;
    if (last !== 0n && last <= MNT_UNIQUE_ID_OFFSET) return fail('EINVAL');
    const ns = grabRequestedMntNs(k, task, args.req);
    if (!ns || !mayLookInMntNs(task, args.req, ns)) return fail('ENOENT');
    const root = grabRequestedRoot(task, ns);
    if (!root) return fail('ENOENT');
    let orig: Path = root;
    if (args.req.mnt_id !== LSMT_ROOT) {
      const parent = lookupMntInNs(args.req.mnt_id, ns);
      if (!parent) return fail('ENOENT');
      orig = { mnt: parent, dentry: parent.mnt_root };
    }
    if (!isPathReachable(orig.mnt, orig.dentry, root) && !nsCapable(task, ns.user_ns)) return fail('EPERM');
    const reverse = (args.flags & LISTMOUNT_REVERSE) !== 0;
    const ordered = [...ns.mounts].sort((a, b) => (reverse ? b.mnt_id - a.mnt_id : a.mnt_id - b.mnt_id));
    const ids: bigint[] = [];
    for (const r of ordered) {
      if (ids.length >= args.nrMntIds) break;
      const id = mntIdUnique(r);
      if (last && (reverse ? id >= last : id <= last)) continue;
      if (id === args.req.mnt_id) continue;
      if (!isPathReachable(r, r.mnt_root, orig)) continue;
      ids.push(id);
    }
    return ok(ids);
  });
}
