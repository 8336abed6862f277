// The way into and out of the kernel for one syscall: the frames a call
// trace shows, and the task work that runs before returning to user space
// (where a deferred __fput can get stuck, as in "mount-then-close").

import { traced } from '../kernel/kernel';
import { taskWorkRun } from '../kernel/task';
import type { Kernel, Task } from '../kernel/types';
import type { SyscallResult } from '../result';

export function enterSyscall<T>(k: Kernel, task: Task, name: string, body: () => SyscallResult<T>): SyscallResult<T> {
  const previous = k.current;
  k.current = task;
  try {
    return traced(k, 'entry_SYSCALL_64_after_hwframe', () =>
      traced(k, 'do_syscall_64', () => {
        const result = traced(k, `__x64_sys_${name}`, body);
        if (task.task_works.length) traced(k, 'exit_to_usermode_loop', () => taskWorkRun(k, task));
        return result;
      }),
    );
  } finally {
    k.current = previous;
  }
}
