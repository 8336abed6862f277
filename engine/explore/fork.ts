// Two ways to reach a state again: replay its command sequence in a fresh
// session, or fork (deep-copy) a session already there. The explorer forks.
//
// Why (measured; `npm run bench -- --only explore` prints fork against
// replay): one command costs about 100-200 µs of model time (the shell, the
// syscalls, mountinfo, the invariant check), a fork about 80 µs (a few
// hundred objects). Expanding a state at depth d tries each of the A
// commands: replay costs A × (d + 1) commands, forking costs one replay of
// d commands (a frontier entry keeps only its sequence, a few bytes, not a
// session) plus A × (fork + 1 command). At depth 5 with the thread's 19
// commands that is 114 commands against about 43 command-equivalents. The
// kernel's object graph is plain data (structs, arrays, Maps, Sets), which
// a memoised deep copy reproduces with every alias intact; the frozen
// variant is shared. Only the nested shells' `resume` continuations are
// closures; see forkSession. explore.test.ts checks fork = fresh replay.

import { ModelSession } from '../shell/session';

type Obj = Record<string, unknown>;

/** A deep copy of `root` that keeps aliasing; frozen objects and functions are shared. */
export function deepCopy<T>(root: T): T {
  const memo = new Map<object, unknown>();
  const copy = (x: unknown): unknown => {
    if (x === null || typeof x !== 'object' || Object.isFrozen(x)) return x;
    const seen = memo.get(x);
    if (seen !== undefined) return seen;
    if (Array.isArray(x)) {
      const a: unknown[] = new Array(x.length);
      memo.set(x, a);
      for (let i = 0; i < x.length; i++) a[i] = copy(x[i]);
      return a;
    }
    if (x instanceof Map) {
      const m = new Map();
      memo.set(x, m);
      for (const [key, value] of x) m.set(copy(key), copy(value));
      return m;
    }
    if (x instanceof Set) {
      const s = new Set();
      memo.set(x, s);
      for (const value of x) s.add(copy(value));
      return s;
    }
    // A spread keeps the object's shape (fast property access in the copy);
    // then every field that holds an object is replaced by its copy.
    const proto = Object.getPrototypeOf(x);
    const o = (proto === Object.prototype ? { ...x } : Object.assign(Object.create(proto), x)) as Obj;
    memo.set(x, o);
    for (const key in o) {
      const value = o[key];
      if (value !== null && typeof value === 'object') o[key] = copy(value);
    }
    return o;
  };
  return copy(root) as T;
}

interface ShellRecord {
  status: number;
  resume: ((status: number) => unknown) | null;
}

/**
 * A copy of `session` that runs on independently. The model keeps no state
 * outside the session's object graph. A nested shell's `resume` is a
 * closure over the original session: when it exits, its parent goes on
 * with the rest of the command line that started it. The explorer's
 * alphabet has no `&&`/`||` (alphabet.ts refuses them), so that rest is
 * always empty and resuming only sets the parent's `$?`; the copy gets a
 * continuation that does exactly that on its own parent shell.
 */
export function forkSession(session: ModelSession): ModelSession {
  const copy = deepCopy(session);
  const shells = (copy as unknown as { shells: ShellRecord[] }).shells;
  if (!Array.isArray(shells)) throw new Error('forkSession: ModelSession no longer keeps its shells in `shells`; update engine/explore/fork.ts');
  for (let i = 1; i < shells.length; i++) {
    const parent = shells[i - 1]!;
    shells[i]!.resume = (status: number) => {
      parent.status = status;
      return { status };
    };
  }
  return copy;
}
