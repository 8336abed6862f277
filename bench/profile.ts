// `--profile`: summarises a V8 .cpuprofile (node --cpu-prof) as the few
// functions that take the most time: self time (where the samples land) and
// total time (self plus callees, each function counted once per stack).
// Shares are of the workload's own time, GC included.

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { REPO_ROOT } from './paths';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface HotSpot {
  readonly name: string;
  readonly selfShare: number;
  readonly totalShare: number;
}

function file(url: string): string {
  return url.startsWith('file://') ? relative(REPO_ROOT, url.slice('file://'.length)) : url;
}

/**
 * "walk (engine/fs/namei.ts)", or V8's own "(garbage collector)". The
 * engine's closures (traced(k, name, () => ...)) are anonymous: they are
 * named after the nearest named caller in the same file, "umountTree › closure".
 */
function labeller(byId: ReadonlyMap<number, ProfileNode>, parent: ReadonlyMap<number, number>): (node: ProfileNode) => string {
  return (node) => {
    const { functionName, url } = node.callFrame;
    if (!url) return functionName || '(anonymous)';
    if (functionName) return `${functionName} (${file(url)})`;
    for (let at = parent.get(node.id); at !== undefined; at = parent.get(at)) {
      const caller = byId.get(at)!.callFrame;
      if (caller.url === url && caller.functionName) return `${caller.functionName} › closure (${file(url)})`;
    }
    return `(anonymous) (${file(url)})`;
  };
}

/** Only the samples taken inside `window` (µs, the profile's clock) count: the workload, not the start-up. */
export function hotSpots(file: string, top: number, window?: { start: number; end: number }): HotSpot[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const names = new Map(profile.nodes.map((n) => [n.id, labeller(byId, parent)(n)]));
  const label = (node: ProfileNode) => names.get(node.id)!;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (window && (at < window.start || at > window.end)) return;
    all += dt;
    const leaf = byId.get(id)!;
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const name = label(byId.get(node)!);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + dt);
    }
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => ({ name, selfShare: t / all, totalShare: (total.get(name) ?? t) / all }));
}
