// What the run was: when, from which commit, on which kernel build, with
// which node, cucumber and util-linux. The streams' meta envelopes carry the
// tools and the kernel build; the spec runner (runner/run-spec.ts) records the
// commit and util-linux beside them in `run.json`. Anything not recorded is
// said to be not recorded, never guessed at build time.

import type * as messages from '@cucumber/messages';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Stream } from './load';

export interface RunInfo {
  /** `2026-11-30 09:54 UTC`: when the first stream's run started. */
  readonly date: string | null;
  readonly commit: string | null;
  /** The live stream's kernel release (`6.18.44-fc-v669`), or any stream's. */
  readonly kernelBuild: string | null;
  readonly node: string | null;
  readonly cucumber: string | null;
  readonly utilLinux: string | null;
}

export const RUN_FILE = 'run.json';

function fromStreams(streams: readonly Stream[]): Omit<RunInfo, 'commit' | 'utilLinux'> {
  const metas = streams.map((s) => ({ kernel: s.kernel, meta: s.envelopes.find((e) => e.meta)?.meta as messages.Meta | undefined }));
  const meta = metas.find((m) => m.kernel === 'live')?.meta ?? metas.find((m) => m.meta)?.meta;
  const started = streams.flatMap((s) => s.envelopes.flatMap((e) => (e.testRunStarted ? [Number(e.testRunStarted.timestamp.seconds)] : []))).sort((a, b) => a - b)[0];
  return {
    date: started === undefined ? null : `${new Date(started * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    kernelBuild: meta?.os?.version ?? null,
    node: meta?.runtime?.version ?? null,
    cucumber: meta?.implementation?.version ?? null,
  };
}

/** `run.json` beside the streams, shape-checked: a bad one is ignored (the facts show as not recorded). */
function fromRunFile(reports: string): Pick<RunInfo, 'commit' | 'utilLinux'> {
  const file = path.join(reports, RUN_FILE);
  if (!existsSync(file)) return { commit: null, utilLinux: null };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' && v.length < 200 ? v : null);
    return { commit: text(data.commit), utilLinux: text(data.utilLinux) };
  } catch {
    return { commit: null, utilLinux: null };
  }
}

export function runInfo(streams: readonly Stream[], reports: string | null): RunInfo {
  return { ...fromStreams(streams), ...(reports ? fromRunFile(reports) : { commit: null, utilLinux: null }) };
}
