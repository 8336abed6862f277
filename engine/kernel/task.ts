// Processes: fork copies the fd table and fs_struct (taking references),
// exit gives them back. Task work (deferred __fput, cleanup_mnt) runs on the
// way back to user space, as in the kernel.

import { fput } from '../fs/file';
import { putMntNs } from '../namespace/put-mnt-ns';
import { pathGet, pathPut } from '../namespace/refs';
import { traced } from './kernel';
import type { Kernel, Task } from './types';

/** fork(): a child with a copy of the fd table (f_count++) and of root/pwd (path_get). */
export function forkTask(k: Kernel, parent: Task, comm: string): Task {
  const files = new Map(parent.files);
  for (const file of files.values()) file.f_count++;
  const child: Task = {
    pid: ++k.ids.pid,
    comm,
    root: pathGet(k, parent.root),
    pwd: pathGet(k, parent.pwd),
    files,
    mnt_ns: parent.mnt_ns,
    user_ns: parent.user_ns,
    task_works: [],
    exited: false,
  };
  child.mnt_ns.count++; // copy_namespaces() without CLONE_NEW*: get_nsproxy()
  k.tasks.set(child.pid, child);
  return child;
}

/** Run queued task work. Analogous to kernel/task_work.c:task_work_run(). */
export function taskWorkRun(k: Kernel, task: Task): void {
  if (task.task_works.length === 0) return;
  traced(k, 'task_work_run', () => {
    // Run by index (work may queue more work) and drop what ran at the end,
    // as shift() would have, without shifting a long queue each time.
    const works = task.task_works;
    let i = 0;
    try {
      for (; i < works.length; i++) works[i]!.run();
    } finally {
      works.splice(0, Math.min(i + 1, works.length));
    }
  });
}

/** do_exit(): close every fd, put root and pwd, run the task work that queued. */
export function exitTask(k: Kernel, task: Task): void {
  const previous = k.current;
  k.current = task;
  try {
    traced(k, 'do_exit', () => {
      for (const [fd, file] of [...task.files]) {
        task.files.delete(fd);
        fput(k, task, file);
      }
      pathPut(k, task.root);
      pathPut(k, task.pwd);
      putMntNs(k, task.mnt_ns); // exit_task_namespaces(), before exit_task_work()
      taskWorkRun(k, task);
    });
  } finally {
    task.exited = true;
    k.tasks.delete(task.pid);
    k.current = previous;
  }
}
