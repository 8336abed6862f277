// The mount trees of one page as compact data: every distinct mount, task and
// state once (most states share most mounts; kernels share most states), as
// the tuples assets/mount-tree.js unpacks and draws when a reader opens a run.
// The page carries this instead of one drawn SVG per command.

import type { MountView, PathView, StateView, TaskView } from './session';

/** `[id, parent, mountpoint, path, root, fstype, mnt_count, flags, ns, pin, shared, master]` */
export type MountTuple = [number, number | null, string | null, string | null, string, string, number, string, string | null, string | null, number, number];
/** `[pid, comm, [cwd mount, path], [root mount, path], [[fd, mount, path, needUnmount 0|1]]]` */
export type TaskTuple = [number, string, [number, string], [number, string], [number, number, string, 0 | 1][]];
/** `[mount indexes, task indexes, violations]` */
export type StateTuple = [number[], number[], string[]];

export interface TreeData {
  readonly m: MountTuple[];
  readonly t: TaskTuple[];
  readonly s: StateTuple[];
}

/** The pin line (≤ 5.2 fs_pin), only when it says more than "armed, on no list". */
export function pinLine(m: MountView): string | null {
  if (!m.pin || (m.pin.done === 0 && !m.pin.onUnmounted && m.pin.onPinsOf === null)) return null;
  const state = m.pin.done === 1 ? 'done' : m.pin.done === -1 ? 'being killed' : 'armed';
  const lists = [m.pin.onUnmounted ? 'on unmounted' : null, m.pin.onPinsOf !== null ? `on #${m.pin.onPinsOf}'s pins` : null].filter(Boolean);
  return `fs_pin ${state}${lists.length ? `, ${lists.join(', ')}` : ''}`;
}

const mountTuple = (m: MountView): MountTuple => [m.id, m.parent, m.mountpoint, m.path, m.root, m.fstype, m.mnt_count, m.flags.join(' '), m.ns, pinLine(m), m.shared ?? 0, m.master ?? 0];
const taskTuple = (t: TaskView): TaskTuple => [t.pid, t.comm, [t.cwd.mount, t.cwd.path], [t.root.mount, t.root.path], t.fds.map((f) => [f.fd, f.mount, f.path, f.needUnmount ? 1 : 0])];

/** Equal in every field a tuple is made from (flags one by one, as the kernel lists them). */
function sameMount(a: MountView, b: MountView): boolean {
  return (
    a.id === b.id &&
    a.parent === b.parent &&
    a.mnt_count === b.mnt_count &&
    (a.shared ?? 0) === (b.shared ?? 0) &&
    (a.master ?? 0) === (b.master ?? 0) &&
    a.mountpoint === b.mountpoint &&
    a.path === b.path &&
    a.root === b.root &&
    a.fstype === b.fstype &&
    a.ns === b.ns &&
    sameList(a.flags, b.flags, (x, y) => x === y) &&
    (a.pin === b.pin || pinLine(a) === pinLine(b))
  );
}

const samePath = (a: PathView, b: PathView) => a.mount === b.mount && a.path === b.path;

function sameTask(a: TaskView, b: TaskView): boolean {
  return (
    a.pid === b.pid &&
    a.comm === b.comm &&
    samePath(a.cwd, b.cwd) &&
    samePath(a.root, b.root) &&
    sameList(a.fds, b.fds, (x, y) => x.fd === y.fd && x.mount === y.mount && x.path === y.path && x.needUnmount === y.needUnmount)
  );
}

/** Two lists alike, item by item (views.ts compares a run's parts with it too). */
export function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

/** A hash of a state's mount and task indexes, to find its equals among few candidates. */
function hashIndexes(mounts: readonly number[], tasks: readonly number[]): number {
  let h = mounts.length;
  for (const m of mounts) h = (Math.imul(h, 31) + m) | 0;
  for (const t of tasks) h = (Math.imul(h, 37) + t) | 0;
  return h;
}

/** `view`'s index in `table`: that of an equal version already there under `key`, else a new tuple's. */
function intern<V, T>(versionsByKey: Map<number, { readonly view: V; readonly at: number }[]>, key: number, view: V, same: (a: V, b: V) => boolean, table: T[], tuple: (v: V) => T): number {
  let versions = versionsByKey.get(key);
  if (!versions) versionsByKey.set(key, (versions = []));
  for (const v of versions) if (same(v.view, view)) return v.at;
  const at = table.push(tuple(view)) - 1;
  versions.push({ view, at });
  return at;
}

/**
 * Interns states into one page's table; `add` returns the state's index
 * (equal states, equal index). A page holds a few versions of each mount
 * (by id) and task (by pid), so each is found among those by comparing
 * fields: no key string is built for the 40,000 mounts a site's states list.
 */
export class TreeTable {
  private readonly data: TreeData = { m: [], t: [], s: [] };
  private readonly mounts = new Map<number, { readonly view: MountView; readonly at: number }[]>();
  private readonly tasks = new Map<number, { readonly view: TaskView; readonly at: number }[]>();
  /** State indexes by hashIndexes. */
  private readonly states = new Map<number, number[]>();
  // A run identical on several kernels shares its parsed states (session.ts):
  // remember what each state object interned as.
  private readonly seen = new WeakMap<StateView, number>();

  private mount(m: MountView): number {
    return intern(this.mounts, m.id, m, sameMount, this.data.m, mountTuple);
  }

  private task(t: TaskView): number {
    return intern(this.tasks, t.pid, t, sameTask, this.data.t, taskTuple);
  }

  add(state: StateView): number {
    const known = this.seen.get(state);
    if (known !== undefined) return known;
    const mounts = state.mounts.map((m) => this.mount(m));
    const tasks = state.tasks.map((t) => this.task(t));
    const hash = hashIndexes(mounts, tasks);
    let candidates = this.states.get(hash);
    if (!candidates) this.states.set(hash, (candidates = []));
    const same = (x: unknown, y: unknown) => x === y;
    let at = candidates.find((i) => {
      const [m, t, v] = this.data.s[i]!;
      return sameList(m, mounts, same) && sameList(t, tasks, same) && sameList(v, state.violations, same);
    });
    if (at === undefined) {
      at = this.data.s.push([mounts, tasks, [...state.violations]]) - 1;
      candidates.push(at);
    }
    this.seen.set(state, at);
    return at;
  }

  get size(): number {
    return this.data.s.length;
  }

  /** The table as JSON, safe inside a `<script type="application/json">`. */
  json(): string {
    return JSON.stringify(this.data).replace(/</g, '\\u003c');
  }
}
