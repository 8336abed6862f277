// The one registry of the model's syscalls. Each takes (kernel, task, args)
// and returns a SyscallResult; errors are errno values, never exceptions.

import type { Kernel, Task } from '../kernel/types';
import type { SyscallResult } from '../result';
import { chdir } from './chdir';
import { close } from './close';
import { dup2 } from './dup2';
import { getdents64 } from './getdents64';
import { mkdirat } from './mkdirat';
import { mount } from './mount';
import { moveMount } from './move_mount';
import { openTree } from './open_tree';
import { openat } from './openat';
import { read } from './read';
import { umount2 } from './umount2';
import { unshare } from './unshare';
import { utimensat } from './utimensat';

type SyscallTable = Record<string, (k: Kernel, task: Task, args: never) => SyscallResult<unknown>>;

export const syscalls = {
  chdir,
  close,
  dup2,
  getdents64,
  mkdirat,
  mount,
  move_mount: moveMount,
  open_tree: openTree,
  openat,
  read,
  umount2,
  unshare,
  utimensat,
} satisfies SyscallTable;

export type Syscalls = typeof syscalls;
