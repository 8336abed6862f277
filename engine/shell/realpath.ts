import { AT_FDCWD } from '../kernel/constants';
import type { Kernel, Task } from '../kernel/types';
import { dPath, pathFromRoot, pathLookupAt } from '../fs/namei';

/**
 * realpath(3) as glibc does it, which util-linux uses to canonicalize
 * paths: a relative name starts from getcwd(), which fails for a cwd the
 * root cannot reach; then each component is checked, and a /proc/self/fd/N
 * link is replaced by its readlink() text (d_path: "/" for a detached root,
 * which then resolves from the real root). null when it fails.
 */
export function realpath(k: Kernel, task: Task, name: string): string | null {
  let pending: string[];
  if (name.startsWith('/')) pending = name.split('/');
  else {
    const cwd = pathFromRoot(task.pwd, task.root);
    if (cwd === null) return null; // glibc refuses getcwd()'s "(unreachable)" answers
    pending = [...cwd.split('/'), ...name.split('/')];
  }
  const resolved: string[] = [];
  for (let links = 0; pending.length; ) {
    const part = pending.shift()!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      resolved.pop();
      continue;
    }
    const candidate = `/${[...resolved, part].join('/')}`;
    const parent = pathLookupAt(k, task, AT_FDCWD, `/${resolved.join('/')}`);
    if (parent.ok && parent.value.path.dentry.proc?.kind === 'fd-dir') {
      // A magic link: readlink() it and resolve the text instead.
      const file = /^\d+$/.test(part) ? task.files.get(Number(part)) : undefined;
      if (!file || ++links > 40) return null;
      pending = [...dPath(file.f_path, task.root).split('/'), ...pending];
      resolved.length = 0;
      continue;
    }
    if (!pathLookupAt(k, task, AT_FDCWD, candidate).ok) return null;
    resolved.push(part);
  }
  return `/${resolved.join('/')}`;
}
