import { AT_FDCWD } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { pathFromRoot, pathLookupAt } from '../fs/namei';

/**
 * realpath(3) as util-linux uses it to canonicalize mount and umount paths:
 * the walked path as getcwd()/d_path would print it, or null when it does not
 * exist or cannot be reached from the root (glibc refuses getcwd()'s
 * "(unreachable)" answers).
 */
export function realpath(k: Kernel, task: Task, name: string): string | null {
  const found = pathLookupAt(k, task, AT_FDCWD, name);
  if (!found.ok) return null;
  return pathFromRoot(found.value.path, task.root);
}
