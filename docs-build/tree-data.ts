// The mount trees of one page as compact data: every distinct mount, task and
// state once (most states share most mounts; kernels share most states), as
// the tuples assets/mount-tree.js unpacks and draws when a reader opens a run.
// The page carries this instead of one drawn SVG per command.

import type { MountView, StateView, TaskView } from './session';

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

/** Interns states into one page's table; `add` returns the state's index (equal states, equal index). */
export class TreeTable {
  private readonly data: { m: MountTuple[]; t: TaskTuple[]; s: StateTuple[] } = { m: [], t: [], s: [] };
  private readonly index = { m: new Map<string, number>(), t: new Map<string, number>(), s: new Map<string, number>() };
  // The same MountView, TaskView or StateView object is often added again (a
  // session is read once, and shared by kernels that ran it alike): remember
  // what each object interned as. Mounts, tasks and states are told apart by
  // the object itself, so one map serves all three.
  private readonly seen = new WeakMap<object, number>();

  private intern<K extends 'm' | 't' | 's'>(kind: K, key: string, value: () => TreeData[K][number]): number {
    let at = this.index[kind].get(key);
    if (at === undefined) {
      at = (this.data[kind] as unknown[]).push(value()) - 1;
      this.index[kind].set(key, at);
    }
    return at;
  }

  private mount(m: MountView): number {
    let at = this.seen.get(m);
    if (at === undefined) {
      // Every field; the strings quoted, since a path may hold any character.
      const key = `${m.id},${m.parent},${m.mnt_count},${m.shared ?? 0},${m.master ?? 0},${JSON.stringify([m.mountpoint, m.path, m.root, m.fstype, m.flags, m.ns, pinLine(m)])}`;
      at = this.intern('m', key, () => mountTuple(m));
      this.seen.set(m, at);
    }
    return at;
  }

  private task(t: TaskView): number {
    let at = this.seen.get(t);
    if (at === undefined) {
      at = this.intern('t', JSON.stringify(t), () => taskTuple(t));
      this.seen.set(t, at);
    }
    return at;
  }

  add(state: StateView): number {
    // A run identical on several kernels shares its parsed states (session.ts): each is interned once.
    let at = this.seen.get(state);
    if (at === undefined) {
      const mounts = state.mounts.map((m) => this.mount(m));
      const tasks = state.tasks.map((t) => this.task(t));
      at = this.intern('s', `${mounts.join(',')};${tasks.join(',')};${JSON.stringify(state.violations)}`, () => [mounts, tasks, [...state.violations]]);
      this.seen.set(state, at);
    }
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
