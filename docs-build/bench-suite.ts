// A big suite for the bench, made from real streams: each kernel's stream is
// copied (features under features/copy-N/, every per-run id suffixed) until it
// holds the wanted number of scenarios; extra pickles are left out. Run-wide
// messages (meta, step definitions, hooks, run start and finish) stay single.

import type * as messages from '@cucumber/messages';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Stream } from './load';

const UUID = /"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/g;
const RUN_WIDE = ['meta', 'stepDefinition', 'hook', 'parameterType', 'undefinedParameterType', 'testRunStarted', 'testRunFinished', 'testRunHookStarted', 'testRunHookFinished'];

function copyOf(line: string, copy: number, runWide: ReadonlySet<string>): string {
  return line.replace(UUID, (m, id: string) => (runWide.has(id) ? m : `"${id}-c${copy}"`)).replace(/"uri":"features\//g, `"uri":"features/copy-${copy}/`);
}

/** `stream` grown (or cut) to `scenarios` pickles, as NDJSON text. */
export function grow(stream: Stream, scenarios: number): string {
  const lines = stream.envelopes.map((e) => JSON.stringify(e));
  const runWideLines = stream.envelopes.map((e) => RUN_WIDE.some((k) => k in e));
  const runWide = new Set<string>();
  stream.envelopes.forEach((_, i) => {
    if (runWideLines[i]) for (const m of (lines[i] ?? '').matchAll(UUID)) runWide.add(m[1] ?? '');
  });
  const perCopy = Math.max(1, stream.envelopes.filter((e) => e.pickle).length);
  const copies = Math.ceil(scenarios / perCopy);
  const out: string[] = lines.filter((_, i) => runWideLines[i] && !stream.envelopes[i]?.testRunFinished);
  let kept = 0;
  for (let copy = 0; copy < copies; copy++) {
    const dropped = new Set<string>(); // ids of pickles past the count, and all that hangs off them
    stream.envelopes.forEach((e, i) => {
      if (runWideLines[i]) return;
      const text = copyOf(lines[i] ?? '', copy, runWide);
      if (e.pickle && ++kept > scenarios) dropped.add(`${e.pickle.id}-c${copy}`);
      const envelope = JSON.parse(text) as messages.Envelope;
      const owner = envelope.pickle?.id ?? envelope.testCase?.pickleId ?? envelope.testCaseStarted?.testCaseId ?? envelope.testCaseFinished?.testCaseStartedId ?? envelope.testStepStarted?.testCaseStartedId ?? envelope.testStepFinished?.testCaseStartedId ?? envelope.attachment?.testCaseStartedId;
      if (owner !== undefined && dropped.has(owner)) {
        // Follow the chain pickle → testCase → testCaseStarted.
        if (envelope.testCase) dropped.add(envelope.testCase.id);
        if (envelope.testCaseStarted) dropped.add(envelope.testCaseStarted.id);
        return;
      }
      out.push(text);
    });
  }
  out.push(...lines.filter((_, i) => stream.envelopes[i]?.testRunFinished));
  return `${out.join('\n')}\n`;
}

export function writeGrownSuite(streams: readonly Stream[], scenarios: number, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const s of streams) writeFileSync(path.join(dir, `${s.kernel}.ndjson`), grow(s, scenarios));
}
