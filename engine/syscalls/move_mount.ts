import { MOVE_MOUNT__MASK, MOVE_MOUNT_F_EMPTY_PATH, MOVE_MOUNT_T_EMPTY_PATH } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { pathLookupAt } from '../fs/namei';
import { doMoveMount } from '../namespace/do-move-mount';
import { fail, type SyscallResult } from '../result';
import { mayMount } from '../kernel/user-namespace';
import { enterSyscall } from './entry';

export interface MoveMountArgs {
  readonly fromDfd: number;
  readonly fromPath: string;
  readonly toDfd: number;
  readonly toPath: string;
  readonly flags: number;
}

/**
 * move_mount(2): resolve the source, then the target, then do_move_mount().
 * The source is judged by its mount (namespace, parent), never by which file
 * named it. Analogous to fs/namespace.c:SYSCALL_DEFINE5(move_mount) (5.2 / 6.18).
 */
export function moveMount(k: Kernel, task: Task, args: MoveMountArgs): SyscallResult<0> {
  return enterSyscall(k, task, 'move_mount', () => {
    if (!mayMount(task)) return fail('EPERM');
    if (args.flags & ~MOVE_MOUNT__MASK) return fail('EINVAL'); // move_mount(2) EINVAL: unknown flag
    // 5.2 resolves the source first; 6.15+ (getname_maybe_null) the target first.
    const lookupFrom = () => pathLookupAt(k, task, args.fromDfd, args.fromPath, { emptyPath: (args.flags & MOVE_MOUNT_F_EMPTY_PATH) !== 0 });
    const lookupTo = () => pathLookupAt(k, task, args.toDfd, args.toPath, { emptyPath: (args.flags & MOVE_MOUNT_T_EMPTY_PATH) !== 0 });
    const targetFirst = k.variant.has('move-mount-target-first');
    const first = targetFirst ? lookupTo() : lookupFrom();
    if (!first.ok) return first;
    const second = targetFirst ? lookupFrom() : lookupTo();
    if (!second.ok) return second;
    const [from, to] = targetFirst ? [second, first] : [first, second];
    return doMoveMount(k, task.mnt_ns, from.value.path, to.value.path);
  });
}
