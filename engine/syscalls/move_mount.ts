import {
  MOVE_MOUNT__MASK, MOVE_MOUNT_BENEATH, MOVE_MOUNT_F_EMPTY_PATH, MOVE_MOUNT_F_SYMLINKS, MOVE_MOUNT_SET_GROUP,
  MOVE_MOUNT_T_EMPTY_PATH, MOVE_MOUNT_T_SYMLINKS,
} from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { pathLookupAt } from '../fs/namei';
import { doMoveMount } from '../namespace/do-move-mount';
import { doSetGroup } from '../namespace/do-set-group';
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
 * move_mount(2): check the flags, resolve the source and the target, then
 * do_set_group() (MOVE_MOUNT_SET_GROUP) or do_move_mount() (with
 * MOVE_MOUNT_BENEATH, beneath the target's top mount). The source is judged
 * by its mount (namespace, parent), never by which file named it. A path's
 * last component is a symlink followed only with MOVE_MOUNT_[FT]_SYMLINKS:
 * without, /proc/self/fd/N names the link, not the fd's mount. ver #12 knew
 * only the six lookup flags (MOVE_MOUNT__MASK 0x77): SET_GROUP (5.15) and
 * BENEATH (6.5) are unknown flags there (EINVAL).
 * Analogous to fs/namespace.c:SYSCALL_DEFINE5(move_mount) (5.2 / 6.18).
 */
export function moveMount(k: Kernel, task: Task, args: MoveMountArgs): SyscallResult<0> {
  return enterSyscall(k, task, 'move_mount', () => {
    if (!mayMount(task)) return fail('EPERM');
    const known = MOVE_MOUNT__MASK | (k.variant.has('move-mount-set-group') ? MOVE_MOUNT_SET_GROUP : 0) | (k.variant.has('move-mount-beneath') ? MOVE_MOUNT_BENEATH : 0);
    if (args.flags & ~known) return fail('EINVAL'); // move_mount(2) EINVAL: unknown flag (the mask grew 0x77 → 0x177 → 0x377)
    if ((args.flags & (MOVE_MOUNT_BENEATH | MOVE_MOUNT_SET_GROUP)) === (MOVE_MOUNT_BENEATH | MOVE_MOUNT_SET_GROUP)) return fail('EINVAL'); // one or the other
    // 5.2 resolves the source first; 6.15+ (getname_maybe_null) the target first.
    const lookupFrom = () =>
      pathLookupAt(k, task, args.fromDfd, args.fromPath, { emptyPath: (args.flags & MOVE_MOUNT_F_EMPTY_PATH) !== 0, follow: (args.flags & MOVE_MOUNT_F_SYMLINKS) !== 0 });
    const lookupTo = () =>
      pathLookupAt(k, task, args.toDfd, args.toPath, { emptyPath: (args.flags & MOVE_MOUNT_T_EMPTY_PATH) !== 0, follow: (args.flags & MOVE_MOUNT_T_SYMLINKS) !== 0 });
    const targetFirst = k.variant.has('move-mount-target-first');
    const first = targetFirst ? lookupTo() : lookupFrom();
    if (!first.ok) return first;
    const second = targetFirst ? lookupFrom() : lookupTo();
    if (!second.ok) return second;
    const [from, to] = targetFirst ? [second.value.path, first.value.path] : [first.value.path, second.value.path];
    if (args.flags & MOVE_MOUNT_SET_GROUP) return doSetGroup(k, task, from, to);
    return doMoveMount(k, task, from, to, { beneath: (args.flags & MOVE_MOUNT_BENEATH) !== 0 });
  });
}
