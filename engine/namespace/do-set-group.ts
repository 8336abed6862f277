import { traced } from '../kernel/kernel';
import type { Kernel, Path, Task } from '../kernel/types';
import { nsCapable } from '../kernel/user-namespace';
import { isSubdir } from '../fs/super';
import { isMntShared, isMntSlave, peerRingAddAfter, setMntShared, slaveListAddBehind } from '../pnode/pnode';
import { fail, ok, type SyscallResult } from '../result';
import { isMounted } from './alloc';
import { hasLockedChildren } from './do-loopback';
import { namespaceUnlock } from './namespace-unlock';

/**
 * move_mount(2) with MOVE_MOUNT_SET_GROUP (5.15): make the private mount
 * at `toPath` a member of the peer group of `fromPath` (and a slave of its
 * master), as if it had been bound from it, without moving anything. CRIU
 * restores sharing this way. Both must be mounted roots of one superblock
 * in namespaces we administer; from must see at least what to shows, and
 * share or receive something; to must be private.
 * Analogous to fs/namespace.c:do_set_group() (5.15; 6.18).
 */
export function doSetGroup(k: Kernel, task: Task, fromPath: Path, toPath: Path): SyscallResult<0> {
  return traced(k, 'do_set_group', () => {
    const result = check();
    namespaceUnlock(k);
    return result;
    function check(): SyscallResult<0> {
      const from = fromPath.mnt;
      const to = toPath.mnt;
      if (!isMounted(from) || !isMounted(to)) return fail('EINVAL'); // to and from must be mounted
      if (!nsCapable(task, from.mnt_ns!.user_ns) || !nsCapable(task, to.mnt_ns!.user_ns)) return fail('EPERM'); // both namespaces ours to change
      if (fromPath.dentry !== from.mnt_root || toPath.dentry !== to.mnt_root) return fail('EINVAL'); // paths must be mount roots
      if (from.mnt_sb !== to.mnt_sb) return fail('EINVAL'); // sharing only within one superblock
      if (!isSubdir(to.mnt_root, from.mnt_root)) return fail('EINVAL'); // from's root must be wider than to's
      if (hasLockedChildren(from, to.mnt_root)) return fail('EINVAL'); // from must not have locked children where to is
      if (isMntShared(to) || isMntSlave(to)) return fail('EINVAL'); // only a private mount may join
      if (!isMntShared(from) && !isMntSlave(from)) return fail('EINVAL'); // from must not be private
      if (isMntSlave(from)) {
        slaveListAddBehind(to, from);
        to.mnt_master = from.mnt_master;
      }
      if (isMntShared(from)) {
        to.mnt_group_id = from.mnt_group_id;
        peerRingAddAfter(to, from);
        setMntShared(to);
      }
      return ok(0);
    }
  });
}
