// The five properties the explorer checks after every step, each named and
// reported on its own. A violation carries the evidence: the kernel's own
// report (watchdog, KASAN, WARNING with the call trace) where the model
// prints one, otherwise which mount broke which rule.

import { MNT_INTERNAL } from '../kernel/constants';
import type { Kernel, Mount } from '../kernel/types';
import { kernelInvariantViolations } from '../observe/snapshot';
import type { ModelSession } from '../shell/session';
import type { CommandResult } from '../transcript/types';
import { shellsOf } from './canonical';

export const PROPERTIES = [
  { id: 'lockup', n: 1, title: 'no soft lockup or hung task' },
  { id: 'refcount', n: 2, title: 'no reference count below zero and no use of a freed mount' },
  { id: 'disconnect', n: 3, title: "disconnect_mount()'s rule: no MNT_UMOUNT mount attached under a mounted one" },
  { id: 'leak', n: 4, title: 'no leak: once every nested shell has exited and every extra fd is closed, every mount outside a namespace has been freed' },
  { id: 'invariants', n: 5, title: "the model's own invariants (engine/invariants.ts)" },
] as const;

export type PropertyId = (typeof PROPERTIES)[number]['id'];

export interface Violation {
  readonly property: PropertyId;
  /** One line: which rule broke, on which mount. */
  readonly summary: string;
  /** The kernel's report (with its call trace) or the model's error, line by line. */
  readonly evidence: readonly string[];
}

/** What running one command did: its result, or the exception the model threw. */
export type StepOutcome = { readonly result: CommandResult } | { readonly error: unknown };

/** The report block that starts at `first` in the kernel log: the header line and its call trace. */
function reportFrom(lines: readonly string[], first: number): string[] {
  const out = [lines[first]!];
  for (let i = first + 1; i < lines.length && (lines[i] === 'Call Trace:' || lines[i]!.startsWith(' ') || lines[i]!.startsWith('RIP:')); i++) out.push(lines[i]!);
  return out;
}

/** Every mount the tasks can still reach through a cwd, a root or an open file, freed or not. */
function heldMounts(k: Kernel): Mount[] {
  const out: Mount[] = [];
  for (const t of k.tasks.values()) {
    out.push(t.root.mnt, t.pwd.mnt);
    for (const f of t.files.values()) out.push(f.f_path.mnt);
  }
  return out;
}

export function checkStep(session: ModelSession, step: StepOutcome): Violation[] {
  if ('error' in step) {
    const e = step.error as Error;
    return [{ property: 'invariants', summary: e?.message ?? String(e), evidence: String(e?.stack ?? e).split('\n').slice(0, 12) }];
  }
  const k = session.kernel;
  const log = step.result.kernel;
  const out: Violation[] = [];
  // (1) watchdog: a soft lockup, or khungtaskd: a hung task.
  const stuckAt = log.findIndex((l) => l.includes('BUG: soft lockup') || l.includes('blocked for more than'));
  if (stuckAt >= 0) out.push({ property: 'lockup', summary: log[stuckAt]!, evidence: reportFrom(log, stuckAt) });
  // (2) KASAN, mntput_no_expire()'s WARN, or (v4.19 has no WARN) a count seen below zero.
  const badAt = log.findIndex((l) => l.startsWith('BUG: KASAN') || (l.startsWith('WARNING') && l.includes('mnt_count')));
  if (badAt >= 0) out.push({ property: 'refcount', summary: log[badAt]!, evidence: reportFrom(log, badAt) });
  // A stuck task froze the model mid-syscall: its state says nothing more.
  if (step.result.stuck) return out;
  if (badAt < 0) {
    const negative = [...k.mounts].find((m) => m.mnt_count < 0);
    const freed = heldMounts(k).find((m) => m.freed);
    if (negative) out.push({ property: 'refcount', summary: `mount ${negative.mnt_id} has mnt_count ${negative.mnt_count}`, evidence: [] });
    else if (freed) out.push({ property: 'refcount', summary: `a task still holds mount ${freed.mnt_id}, which cleanup_mnt() freed`, evidence: [] });
  }
  // (3) the rule disconnect_mount() states (observe/snapshot.ts checks it for the site too).
  const disconnect = kernelInvariantViolations(k).find((v) => v.includes('disconnect_mount'));
  if (disconnect) out.push({ property: 'disconnect', summary: disconnect, evidence: [] });
  // (4) only when nothing legitimately holds an unmounted mount any more.
  const leak = leakedMount(session);
  if (leak) out.push({ property: 'leak', summary: leak, evidence: [] });
  return out;
}

/**
 * Once only the top shell is left, with fds 0-2 only and its cwd and root
 * mounted in its namespace, nothing the transcript made can hold a mount
 * outside a task's namespace: any such mount still allocated is a leak.
 * pipefs's internal mount (the shells' stdio) belongs to no namespace.
 */
function leakedMount(session: ModelSession): string | null {
  const shells = shellsOf(session);
  if (shells.length !== 1) return null;
  const top = shells[0]!.task;
  if (top.exited || [...top.files.keys()].some((fd) => fd > 2)) return null;
  if (top.pwd.mnt.mnt_ns !== top.mnt_ns || top.root.mnt.mnt_ns !== top.mnt_ns) return null;
  const k = session.kernel;
  const live = new Set([...k.tasks.values()].map((t) => t.mnt_ns));
  for (const m of k.mounts) {
    if (m.mnt_flags & MNT_INTERNAL || (m.mnt_ns && live.has(m.mnt_ns))) continue;
    return `mount ${m.mnt_id} (${m.mnt_sb.fstype}, mnt_count ${m.mnt_count}, ${m.mnt_ns ? 'in an unused namespace' : 'in no namespace'}) is still allocated with no nested shell and no extra fd left`;
  }
  return null;
}
