import { CLONE_FS, CLONE_NEWNS, CLONE_NEWUSER } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import { createUserNs } from '../kernel/user-namespace';
import type { Kernel, Task } from '../kernel/types';
import { copyMntNs } from '../namespace/copy-mnt-ns';
import { putMntNs } from '../namespace/put-mnt-ns';
import { fail, ok, type SyscallResult } from '../result';
import { enterSyscall } from './entry';

export interface UnshareArgs {
  readonly flags: number;
}

/** The flags the model knows; the others (pid, net, ipc, uts, ...) have nothing to do with mounts. */
const MODELLED = CLONE_FS | CLONE_NEWNS | CLONE_NEWUSER;

/**
 * unshare(2) for mount and user namespaces: a new user namespace first
 * (its creator is root in it), then, with CLONE_NEWNS, a copy of the mount
 * namespace owned by the task's (possibly new) user namespace. The task
 * then lets go of its old mount namespace. Each task has an fs_struct of its
 * own, so CLONE_FS (implied by both) never has anything to unshare.
 * Analogous to kernel/fork.c:ksys_unshare() + unshare_userns() + unshare_nsproxy_namespaces() (6.18).
 */
export function unshare(k: Kernel, task: Task, args: UnshareArgs): SyscallResult<0> {
  return enterSyscall(k, task, 'unshare', () =>
    traced(k, 'ksys_unshare', () => {
      if (args.flags & ~MODELLED) return fail('EINVAL'); // not modelled: refuse rather than pretend
      let userNs = task.user_ns;
      if (args.flags & CLONE_NEWUSER) {
        const created = traced(k, 'unshare_userns', () => createUserNs(k, task));
        if (!created.ok) return created;
        userNs = created.value;
      }
      if (!(args.flags & CLONE_NEWNS)) {
        task.user_ns = userNs;
        return ok(0);
      }
      // unshare_nsproxy_namespaces() asks for CAP_SYS_ADMIN over the owner-to-be:
      // every model task is root of its user namespace, so it always has it.
      const copied = copyMntNs(k, task, userNs);
      if (!copied.ok) return copied;
      const old = task.mnt_ns;
      task.user_ns = userNs; // commit_creds()
      task.mnt_ns = copied.value; // switch_task_namespaces()
      putMntNs(k, old);
      return ok(0);
    }),
  );
}
