import { AT_FDCWD, AT_SYMLINK_NOFOLLOW } from '../kernel/constants';
import type { BoundSyscalls } from '../syscalls';
import { getcwd, isSymlinkMode } from '../userspace/libc';

/** glibc's limit on links followed in one realpath() (MAXSYMLINKS). */
const MAXSYMLINKS = 40;

/**
 * realpath(3) as glibc does it, which util-linux uses to canonicalize
 * paths: a relative name starts from getcwd(), which fails for a cwd the
 * root cannot reach; then each component is lstat()ed, and a link (the
 * model's only links are /proc/self/fd/N) is replaced by its readlink()
 * text ("/" for a detached root, which then resolves from the real root).
 * null when it fails. After glibc stdlib/canonicalize.c:realpath_stk().
 */
export function realpath(sys: BoundSyscalls, name: string): string | null {
  let pending: string[];
  if (name.startsWith('/')) pending = name.split('/');
  else {
    const cwd = getcwd(sys);
    if (cwd === null) return null;
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
    const st = sys.newfstatat({ dfd: AT_FDCWD, path: candidate, flags: AT_SYMLINK_NOFOLLOW });
    if (!st.ok) return null;
    if (isSymlinkMode(st.value.st_mode)) {
      const text = sys.readlinkat({ dfd: AT_FDCWD, path: candidate });
      if (!text.ok || ++links > MAXSYMLINKS) return null;
      pending = [...text.value.split('/'), ...pending];
      resolved.length = 0;
      continue;
    }
    resolved.push(part);
  }
  return `/${resolved.join('/')}`;
}
