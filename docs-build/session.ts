// The session attachment (steps/session.steps.ts, SESSION_MEDIA_TYPE): what a
// transcript did on one kernel, command by command, with the model's state
// after each. It is read from a file, so it is checked, not trusted: a
// malformed one becomes a warning with its place and the cell shows no session.

import type * as engine from '../engine/observe/snapshot';
import type { CommandResult, TranscriptLine } from '../engine/transcript/types';

export const SESSION_MEDIA_TYPE = 'application/vnd.mountspec.session+json';

// The session's shapes are the engine's (engine/observe/snapshot.ts,
// engine/transcript/types.ts), as the attachment carries them once checked:
// a mount without a pin has `pin: null`, a run on live has `state: null`.
// Deriving them keeps the writer and this reader on one definition: a field
// the engine adds or renames breaks the checks below at compile time.

/** engine/observe/snapshot.ts MountView, with `pin` always present (null when it has none). */
export type MountView = Omit<engine.MountView, 'pin'> & { readonly pin: NonNullable<engine.MountView['pin']> | null };

export type PathView = engine.PathView;

export type TaskView = engine.TaskView;

/** engine/observe/snapshot.ts StateView, of checked mounts. */
export type StateView = Omit<engine.StateView, 'mounts'> & { readonly mounts: readonly MountView[] };

/** engine/transcript/types.ts CommandResult; `state` null where the backend has none to show (live). */
export type CommandRun = Omit<CommandResult, 'state'> & { readonly state: StateView | null };

/** engine/transcript/types.ts TranscriptLine. */
export type SessionLine = TranscriptLine;

export interface Session {
  readonly kernel: string;
  readonly description: string;
  readonly lines: readonly SessionLine[];
  readonly results: readonly CommandRun[];
}

/** Where a field is, for the message when it is wrong: built only then (a session has many thousand fields). */
type Where = string | { toString(): string };
const lazy = (make: () => string): Where => ({ toString: make });

/** A shape check that names the first field that is wrong. */
class Shape {
  static fail(where: Where, expected: string): never {
    throw new SessionShapeError(`${where}: expected ${expected}`);
  }
  private static object(v: unknown, where: Where): Record<string, unknown> {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) Shape.fail(where, 'an object');
    return v as Record<string, unknown>;
  }
  static string(o: Record<string, unknown>, key: string, where: Where): string {
    const v = o[key];
    return typeof v === 'string' ? v : Shape.fail(`${where}.${key}`, 'a string');
  }
  static number(o: Record<string, unknown>, key: string, where: Where): number {
    const v = o[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : Shape.fail(`${where}.${key}`, 'a number');
  }
  static boolean(o: Record<string, unknown>, key: string, where: Where): boolean {
    const v = o[key];
    return typeof v === 'boolean' ? v : Shape.fail(`${where}.${key}`, 'true or false');
  }
  static nullable<T>(o: Record<string, unknown>, key: string, where: Where, read: (o: Record<string, unknown>, key: string, where: Where) => T): T | null {
    return o[key] === null ? null : read(o, key, where);
  }
  static array<T>(o: Record<string, unknown>, key: string, where: Where, item: (v: Record<string, unknown>, where: Where) => T): T[] {
    const v = o[key];
    if (!Array.isArray(v)) Shape.fail(`${where}.${key}`, 'an array');
    return v.map((x, i) => {
      const at = lazy(() => `${where}.${key}[${i}]`);
      return item(Shape.object(x, at), at);
    });
  }
  static strings(o: Record<string, unknown>, key: string, where: Where): string[] {
    const v = o[key];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) Shape.fail(`${where}.${key}`, 'an array of strings');
    return v as string[];
  }
  static child(o: Record<string, unknown>, key: string, where: Where): Record<string, unknown> {
    return Shape.object(o[key], `${where}.${key}`);
  }
  static root(v: unknown): Record<string, unknown> {
    return Shape.object(v, 'session');
  }
}

export class SessionShapeError extends Error {
  override name = 'SessionShapeError';
}

function pathView(o: Record<string, unknown>, where: Where): PathView {
  return { mount: Shape.number(o, 'mount', where), path: Shape.string(o, 'path', where) };
}

function mountView(o: Record<string, unknown>, where: Where): MountView {
  const pin = o.pin === undefined || o.pin === null ? null : Shape.child(o, 'pin', where);
  return {
    id: Shape.number(o, 'id', where),
    parent: Shape.nullable(o, 'parent', where, Shape.number),
    mountpoint: Shape.nullable(o, 'mountpoint', where, Shape.string),
    path: Shape.nullable(o, 'path', where, Shape.string),
    root: Shape.string(o, 'root', where),
    fstype: Shape.string(o, 'fstype', where),
    mnt_count: Shape.number(o, 'mnt_count', where),
    flags: Shape.strings(o, 'flags', where),
    ns: Shape.nullable(o, 'ns', where, Shape.string),
    pin: pin && {
      done: Shape.number(pin, 'done', lazy(() => `${where}.pin`)),
      onUnmounted: Shape.boolean(pin, 'onUnmounted', lazy(() => `${where}.pin`)),
      onPinsOf: Shape.nullable(pin, 'onPinsOf', lazy(() => `${where}.pin`), Shape.number),
    },
    // Absent in streams from before they were recorded, and on private mounts.
    ...(o.shared === undefined ? {} : { shared: Shape.number(o, 'shared', where) }),
    ...(o.master === undefined ? {} : { master: Shape.number(o, 'master', where) }),
  };
}

function taskView(o: Record<string, unknown>, where: Where): TaskView {
  return {
    pid: Shape.number(o, 'pid', where),
    comm: Shape.string(o, 'comm', where),
    cwd: pathView(Shape.child(o, 'cwd', where), lazy(() => `${where}.cwd`)),
    root: pathView(Shape.child(o, 'root', where), lazy(() => `${where}.root`)),
    fds: Shape.array(o, 'fds', where, (f, w) => ({
      fd: Shape.number(f, 'fd', w),
      mount: Shape.number(f, 'mount', w),
      path: Shape.string(f, 'path', w),
      needUnmount: Shape.boolean(f, 'needUnmount', w),
    })),
  };
}

function stateView(o: Record<string, unknown>, where: Where): StateView {
  return { mounts: Shape.array(o, 'mounts', where, mountView), tasks: Shape.array(o, 'tasks', where, taskView), violations: Shape.strings(o, 'violations', where) };
}

function commandRun(o: Record<string, unknown>, where: Where): CommandRun {
  return {
    command: Shape.string(o, 'command', where),
    status: Shape.nullable(o, 'status', where, Shape.number),
    stdout: Shape.string(o, 'stdout', where),
    stderr: Shape.string(o, 'stderr', where),
    kernel: Shape.strings(o, 'kernel', where),
    stuck: Shape.boolean(o, 'stuck', where),
    mountinfo: Shape.string(o, 'mountinfo', where),
    state: o.state === undefined || o.state === null ? null : stateView(Shape.child(o, 'state', where), lazy(() => `${where}.state`)),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SessionShapeError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

type Run = Pick<Session, 'lines' | 'results'>;

function checkRun(o: Record<string, unknown>): Run {
  const lines = Shape.array(o, 'lines', 'session', (l, w) => ({ command: Shape.string(l, 'command', w), file: Shape.string(l, 'file', w), line: Shape.number(l, 'line', w) }));
  const results = Shape.array(o, 'results', 'session', commandRun);
  if (results.length > lines.length) Shape.fail('session.results', `at most one result per line (${lines.length} lines, ${results.length} results)`);
  return { lines, results };
}

function checkSession(value: unknown, run?: Run): Session {
  const o = Shape.root(value);
  const { lines, results } = run ?? checkRun(o);
  return { kernel: Shape.string(o, 'kernel', 'session'), description: Shape.string(o, 'description', 'session'), lines, results };
}

/** Parses an attachment body; throws SessionShapeError naming the bad field. */
export function parseSession(body: string): Session {
  return checkSession(parseJson(body));
}

/** Where a body's run begins: `{"kernel":…,"description":…` ends there and `"lines":…}` follows. */
const RUN_KEY = ',"lines":';

/**
 * The session parser of one build. The same scenario often runs alike on
 * several kernels: their bodies differ only in `kernel` and `description`,
 * and their run (`"lines":…,"results":…}`) is the same text to the
 * character. That run is parsed and checked once; the other bodies parse
 * only their head. Each body is still read whole: an unmatched or malformed
 * one takes parseSession's path and gets its message. (A `"lines":` with
 * unescaped quotes cannot occur inside a JSON string, so it is a key; its
 * head parses as an object only when that key is a top-level one.)
 */
export class SessionParser {
  private readonly runs = new Map<string, Run>();

  parse(body: string): Session {
    const at = body.indexOf(RUN_KEY);
    if (at <= 0) return parseSession(body);
    const head = this.head(body.slice(0, at));
    if (!head) return parseSession(body);
    const tail = body.slice(at + 1);
    const known = this.runs.get(tail);
    if (known) return checkSession(head, known);
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(`{${tail}`) as Record<string, unknown>;
    } catch {
      return parseSession(body); // for its message
    }
    const session = checkSession({ ...head, ...value });
    // Only a tail that holds the run alone is shared (a later `kernel` key would override the head's).
    if (Object.keys(value).every((k) => k === 'lines' || k === 'results')) this.runs.set(tail, { lines: session.lines, results: session.results });
    return session;
  }

  private head(text: string): Record<string, unknown> | null {
    try {
      const value: unknown = JSON.parse(`${text}}`);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
}
