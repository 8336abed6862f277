import { AT_RECURSIVE } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { fdInstall, fput, unusedFd } from '../fs/file';
import { doMountSetattr, wantsMountSetattr, type MountKattr } from '../namespace/do-mount-setattr';
import type { MountAttr } from './mount_setattr';
import { fail, type SyscallResult } from '../result';
import { enterSyscall } from './entry';
import { vfsOpenTree } from './open_tree';

export interface OpenTreeAttrArgs {
  readonly dfd: number;
  readonly path: string;
  readonly flags: number;
  /** The struct, or null for a NULL pointer (then open_tree_attr is open_tree). */
  readonly attr: MountAttr | null;
  readonly size: number;
}

/**
 * open_tree_attr(2) (6.15): open_tree(), then mount_setattr() on what it
 * opened before the fd exists, so a clone is never seen without its
 * attributes; on a fresh clone an idmapping may also be replaced or
 * removed (MOUNT_KATTR_IDMAP_REPLACE). If the attributes fail, the file
 * goes (and with it a clone). ver #12's v4.19 base had no such call: ENOSYS.
 * Analogous to fs/namespace.c:SYSCALL_DEFINE5(open_tree_attr) (6.18).
 */
export function openTreeAttr(k: Kernel, task: Task, args: OpenTreeAttrArgs): SyscallResult<number> {
  return enterSyscall(k, task, 'open_tree_attr', () => {
    if (!k.variant.has('open-tree-attr')) return fail('ENOSYS'); // 6.15+: no syscall 467 before
    if (!args.attr && args.size) return fail('EINVAL'); // a size without a struct
    const opened = vfsOpenTree(k, task, args);
    if (!opened.ok) return opened;
    const file = opened.value;
    if (args.attr) {
      const kattr: MountKattr = { attr_set: 0, attr_clr: 0, propagation: 0, recurse: (args.flags & AT_RECURSIVE) !== 0, idmapReplace: true };
      const wanted = wantsMountSetattr(task, args.attr, args.size, kattr);
      const applied = wanted.ok && wanted.value === 'apply' ? doMountSetattr(k, task, file.f_path, kattr) : wanted;
      if (!applied.ok) {
        fput(k, task, file); // __free(fput): a clone is dissolved on the way out
        return applied;
      }
    }
    const fd = unusedFd(task);
    if (!fd.ok) {
      fput(k, task, file);
      return fd;
    }
    fdInstall(task, fd.value, file);
    return fd;
  });
}
