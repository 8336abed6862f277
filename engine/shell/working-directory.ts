// bash's idea of the current directory (the_current_working_directory,
// shown as $PWD) and the builtins that use it: cd and pwd. bash keeps the
// logical name it was given and checks it against the kernel's cwd only in
// some places; where it falls back to getcwd(3) and that fails (a cwd the
// root cannot reach: a detached, dissolved or lazily unmounted tree), it
// says so and forgets the name. After bash 5.2's builtins/cd.def and
// general.c:get_working_directory().

import { strerror, type Errno } from '../errno';
import { AT_FDCWD } from '../kernel/constants';
import type { BoundSyscalls } from '../syscalls';
import { exists, getcwd, isDirectory } from '../userspace/libc';

/** What a shell keeps: the_current_working_directory (null once getcwd failed). */
export interface WorkingDirectory {
  tcwd: string | null;
}

export interface BuiltinOutcome {
  readonly status: number;
  readonly stdout?: string;
  /** A message without bash's "name: line N:" prefix (bash prints these as they are). */
  readonly warning?: string;
  /** A message that takes bash's "name: line N:" prefix. */
  readonly error?: string;
}

const GETCWD_ERRSTR = 'getcwd: cannot access parent directories';

/**
 * getcwd(3) for the task, or bash's warning naming `forWhom` when it fails.
 * Analogous to bash general.c:get_working_directory().
 */
export function getWorkingDirectory(sys: BoundSyscalls, forWhom: string): { cwd: string } | { warning: string } {
  const cwd = getcwd(sys);
  if (cwd !== null) return { cwd };
  return { warning: `${forWhom}: error retrieving current directory: ${GETCWD_ERRSTR}: ${strerror('ENOENT')}` };
}

/** Do two names reach the same directory (same device and inode)? bash's same_file(). */
function sameFile(sys: BoundSyscalls, a: string, b: string): boolean {
  const x = sys.newfstatat({ dfd: AT_FDCWD, path: a, flags: 0 });
  const y = sys.newfstatat({ dfd: AT_FDCWD, path: b, flags: 0 });
  return x.ok && y.ok && x.value.st_dev === y.value.st_dev && x.value.st_ino === y.value.st_ino;
}

/**
 * Collapse "." and ".." textually, checking before each ".." that what is
 * left names a directory, and at the end that the result does (null if not).
 * Analogous to bash lib/sh/pathcanon.c:sh_canonpath(PATH_CHECKDOTDOT|PATH_CHECKEXISTS).
 */
function canonpath(sys: BoundSyscalls, path: string): string | null {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  const join = () => (absolute ? `/${out.join('/')}` : out.join('/') || '.');
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') {
        if (!isDirectory(sys, join())) return null;
        out.pop();
      } else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const result = join();
  return isDirectory(sys, result) ? result : null;
}

/** make_absolute(): a relative name joined to the shell's directory, if it has one. */
function makeAbsolute(name: string, tcwd: string | null): string {
  if (tcwd === null || name.startsWith('/')) return name;
  return tcwd === '/' ? `/${name}` : `${tcwd}/${name}`;
}

/**
 * cd DIR: chdir to the canonical name; if canonicalizing failed, to the
 * name as given and then ask getcwd. Outside POSIX mode a failed chdir is
 * retried with DIR as typed. Analogous to bash builtins/cd.def:change_to_directory().
 */
export function cd(sys: BoundSyscalls, wd: WorkingDirectory, dir: string, posix: boolean): BuiltinOutcome {
  let warning: string | undefined;
  if (wd.tcwd === null) {
    const got = getWorkingDirectory(sys, 'chdir');
    if ('cwd' in got) wd.tcwd = got.cwd;
    else warning = got.warning;
  }
  const t = makeAbsolute(dir, wd.tcwd);
  const canon = canonpath(sys, t);
  const tdir = canon ?? t;
  const withWarning = (o: BuiltinOutcome): BuiltinOutcome => (warning ? { ...o, warning: o.warning ? `${warning}\n${o.warning}` : warning } : o);
  // After a chdir that canonicalizing did not vouch for, ask getcwd (resetpwd()).
  const reset = (): BuiltinOutcome => {
    const got = getWorkingDirectory(sys, 'cd');
    wd.tcwd = 'cwd' in got ? got.cwd : tdir;
    return withWarning('warning' in got ? { status: 0, warning: got.warning } : { status: 0 });
  };
  if (posix && canon === null) {
    const errno: Errno = exists(sys, t) ? 'ENOTDIR' : 'ENOENT';
    return withWarning({ status: 1, error: `cd: ${dir}: ${strerror(errno)}` });
  }
  const changed = sys.chdir({ path: tdir });
  if (changed.ok) {
    if (canon === null) return reset();
    wd.tcwd = tdir;
    return withWarning({ status: 0 });
  }
  if (!posix && sys.chdir({ path: dir }).ok) return reset();
  return withWarning({ status: 1, error: `cd: ${dir}: ${strerror(changed.errno)}` });
}

/**
 * pwd: bash prints the name it keeps; in POSIX mode it first checks that
 * the name still reaches the cwd, and falls back to getcwd. With no name
 * kept, it asks getcwd, and in POSIX mode (the same_file() test failing on
 * no name at all) asks once more: two messages when getcwd fails.
 * Analogous to bash builtins/cd.def:pwd_builtin() (5.2).
 */
export function pwd(sys: BoundSyscalls, wd: WorkingDirectory, posix: boolean): BuiltinOutcome {
  if (wd.tcwd !== null && !(posix && !sameFile(sys, '.', wd.tcwd))) return { status: 0, stdout: `${wd.tcwd}\n` };
  const warnings: string[] = [];
  const attempts = posix && wd.tcwd === null ? 2 : 1;
  wd.tcwd = null;
  for (let i = 0; i < attempts; i++) {
    const got = getWorkingDirectory(sys, 'pwd');
    if ('cwd' in got) {
      wd.tcwd = got.cwd;
      return { status: 0, stdout: `${got.cwd}\n`, ...(warnings.length ? { warning: warnings.join('\n') } : {}) };
    }
    warnings.push(got.warning);
  }
  return { status: 1, warning: warnings.join('\n') };
}

/**
 * A new bash takes the $PWD it inherits if that reaches its cwd, else asks
 * getcwd. Analogous to bash variables.c:set_pwd().
 */
export function inheritedWorkingDirectory(sys: BoundSyscalls, inherited: string | null): { tcwd: string | null; warning?: string } {
  if (inherited !== null && sameFile(sys, '.', inherited)) return { tcwd: inherited };
  const got = getWorkingDirectory(sys, 'shell-init');
  return 'cwd' in got ? { tcwd: got.cwd } : { tcwd: null, warning: got.warning };
}
