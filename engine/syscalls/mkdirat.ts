import { AT_FDCWD } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { pathLookupAt } from '../fs/namei';
import { isReadonly, newDentry } from '../fs/super';
import { fail, ok, type SyscallResult } from '../result';
import { shmemReserveInode } from '../fs/fs-parameters';
import { enterSyscall } from './entry';

export interface MkdiratArgs {
  readonly path: string;
}

/** mkdirat(2) in a tmpfs directory. Analogous to fs/namei.c:do_mkdirat() (reduced). */
export function mkdirat(k: Kernel, task: Task, args: MkdiratArgs): SyscallResult<0> {
  return enterSyscall(k, task, 'mkdirat', () => {
    const parent = pathLookupAt(k, task, AT_FDCWD, args.path, { parent: true });
    if (!parent.ok) return parent;
    const { path: dir, last } = parent.value;
    if (last === '.' || last === '..' || dir.dentry.children.has(last!)) return fail('EEXIST');
    if (dir.dentry.proc) return fail('EPERM'); // vfs_mkdir(): procfs directories have no ->mkdir
    if (isReadonly(dir.mnt)) return fail('EROFS'); // mnt_want_write()
    if (!shmemReserveInode(dir.dentry.d_sb)) return fail('ENOSPC'); // tmpfs's nr_inodes
    newDentry(k, dir.dentry, last!, dir.dentry.d_sb, 'dir');
    return ok(0);
  });
}
