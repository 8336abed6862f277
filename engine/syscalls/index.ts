// The one registry of the model's syscalls. Each takes (kernel, task, args)
// and returns a SyscallResult; errors are errno values, never exceptions.

import type { Kernel, Task } from '../kernel/types';
import type { SyscallResult } from '../result';
import { chdir } from './chdir';
import { close } from './close';
import { dup2 } from './dup2';
import { execve } from './execve';
import { fstatfs } from './fstatfs';
import { getcwd } from './getcwd';
import { getdents64 } from './getdents64';
import { ioctl } from './ioctl';
import { mkdirat } from './mkdirat';
import { mount } from './mount';
import { newfstatat } from './newfstatat';
import { moveMount } from './move_mount';
import { openTree } from './open_tree';
import { openat } from './openat';
import { read } from './read';
import { readlinkat } from './readlinkat';
import { umount2 } from './umount2';
import { unshare } from './unshare';
import { utimensat } from './utimensat';
// mount_setattr(2) and open_tree_attr(2) (the setattr work)
import { mountSetattr } from './mount_setattr';
import { openTreeAttr } from './open_tree_attr';
// fs contexts and statmount (5.2, 6.8)
import { fsconfig } from './fsconfig';
import { fsmount } from './fsmount';
import { fsopen } from './fsopen';
import { fspick } from './fspick';
import { listmount } from './listmount';
import { statmount } from './statmount';
import { statx } from './statx';

type SyscallTable = Record<string, (k: Kernel, task: Task, args: never) => SyscallResult<unknown>>;

export const syscalls = {
  chdir,
  close,
  dup2,
  execve,
  fstatfs,
  getcwd,
  getdents64,
  ioctl,
  mkdirat,
  mount,
  newfstatat,
  move_mount: moveMount,
  open_tree: openTree,
  openat,
  read,
  readlinkat,
  umount2,
  unshare,
  utimensat,
  // mount_setattr(2) and open_tree_attr(2) (the setattr work)
  mount_setattr: mountSetattr,
  open_tree_attr: openTreeAttr,
  // fs contexts and statmount (5.2, 6.8)
  fsopen,
  fsconfig,
  fsmount,
  fspick,
  statmount,
  listmount,
  statx,
} satisfies SyscallTable;

export type Syscalls = typeof syscalls;

/** The syscalls as one task makes them: what a program is handed (the kernel and the task stay on the kernel's side). */
export type BoundSyscalls = { readonly [K in keyof Syscalls]: (args: Parameters<Syscalls[K]>[2]) => ReturnType<Syscalls[K]> };

/** The model's syscalls with kernel and task filled in. */
export function bindSyscalls(k: Kernel, task: Task): BoundSyscalls {
  const known = bound.get(task);
  if (known) return known;
  const calls: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(syscalls)) {
    calls[name] = (args: never) => (fn as (k: Kernel, t: Task, a: never) => unknown)(k, task, args);
  }
  bound.set(task, calls as BoundSyscalls);
  return calls as BoundSyscalls;
}

/** Each task's bound table, made once: a shell binds its own for every builtin it runs. */
const bound = new WeakMap<Task, BoundSyscalls>();
