import { CL_COPY_UNBINDABLE, CL_EXPIRE, CL_SLAVE } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Kernel, MntNamespace, Mount, Task, UserNamespace } from '../kernel/types';
import { ok, type SyscallResult } from '../result';
import { allocMntNs, subtree } from './alloc';
import { copyTree } from './clone-mnt';
import { lockMntTree } from './lock-mnt-tree';
import { namespaceUnlock } from './namespace-unlock';
import { mntputNoExpire, pathGet } from './refs';

/**
 * unshare(CLONE_NEWNS): a copy of the caller's whole namespace, root
 * included, unbindable mounts too. Each copy is a peer of its original if
 * that was shared, and a slave of the same master if it was a slave. When
 * the new namespace belongs to another user namespace, shared originals
 * get slave copies instead (CL_SLAVE in 6.18; CL_SHARED_TO_SLAVE in v4.19,
 * the same outcome), so the less privileged side receives propagation but
 * never sends it, and the tree is locked. The caller's root and cwd move to
 * the copies of their mounts, if those mounts were in the tree.
 * Analogous to fs/namespace.c:copy_mnt_ns() (v4.19; 6.18).
 */
export function copyMntNs(k: Kernel, task: Task, userNs: UserNamespace): SyscallResult<MntNamespace> {
  return traced(k, 'copy_mnt_ns', () => {
    const ns = task.mnt_ns;
    const old = ns.root;
    // namespace_lock();
    const copyFlags = CL_COPY_UNBINDABLE | CL_EXPIRE | (userNs !== ns.user_ns ? CL_SLAVE : 0);
    const copied = copyTree(k, old, old.mnt_root, copyFlags);
    if (!copied.ok) {
      namespaceUnlock(k);
      return copied;
    }
    const copy = copied.value;
    if (userNs !== ns.user_ns) lockMntTree(copy);
    const newNs = allocMntNs(k, userNs, false, copy);
    // Second pass: walk both trees in step; the new one may lack mounts copy_tree() skipped.
    const olds = subtree(old);
    const news = subtree(copy);
    const put: Mount[] = [];
    for (let i = 0, j = 0; i < news.length; i++, j++) {
      while (olds[j]!.mnt_root !== news[i]!.mnt_root) j += subtree(olds[j]!).length; // skip_mnt_tree()
      const p = olds[j]!;
      const q = news[i]!;
      q.mnt_ns = newNs;
      newNs.mounts.add(q);
      if (task.root.mnt === p) {
        task.root = pathGet(k, { mnt: q, dentry: task.root.dentry });
        put.push(p);
      }
      if (task.pwd.mnt === p) {
        task.pwd = pathGet(k, { mnt: q, dentry: task.pwd.dentry });
        put.push(p);
      }
    }
    namespaceUnlock(k);
    for (const p of put) mntputNoExpire(k, p); // mntput(rootmnt), mntput(pwdmnt)
    return ok(newNs);
  });
}
