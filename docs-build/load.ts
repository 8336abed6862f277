// load: NDJSON message streams → envelopes, one stream per kernel.
// A report that is truncated or malformed is a fatal vfile message that names
// the file and the line, never a stack trace: it is the user's file, not our bug.

import type * as messages from '@cucumber/messages';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';

export interface Stream {
  /** The kernel the run was for: the file's base name (`reports/v12.ndjson` → `v12`). */
  readonly kernel: string;
  /** The file, for diagnostics with a place (`file.message`, `file.fail`). */
  readonly file: VFile;
  readonly envelopes: readonly messages.Envelope[];
  /** `lines[i]` is the 1-based line of `envelopes[i]`, for later diagnostics. */
  readonly lines: readonly number[];
}

/** Every key an Envelope may carry (@cucumber/messages 32, Envelope.schema.json). */
const ENVELOPE_KEYS = new Set([
  'attachment', 'externalAttachment', 'gherkinDocument', 'hook', 'meta', 'parameterType', 'parseError', 'pickle',
  'source', 'stepDefinition', 'suggestion', 'testCase', 'testCaseFinished', 'testCaseStarted', 'testRunFinished',
  'testRunHookFinished', 'testRunHookStarted', 'testRunStarted', 'testStepFinished', 'testStepStarted',
  'undefinedParameterType',
]);

const NEWLINE = 0x0a;
const isBlank = (bytes: Buffer, start: number, end: number) => {
  for (let i = start; i < end; i++) if (bytes[i] !== 0x20 && bytes[i] !== 0x09 && bytes[i] !== 0x0d) return false;
  return true;
};

/**
 * Calls `visit` with each line's byte range (newline left out) and 1-based
 * number, the empty one after a final newline included; returns how many.
 */
export function eachLine(bytes: Buffer, visit: (start: number, end: number, line: number) => void): number {
  let line = 0;
  for (let start = 0; start <= bytes.length; ) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    visit(start, end, ++line);
    if (newline === -1) break;
    start = end + 1;
  }
  return line;
}

/**
 * Parses one NDJSON file; `display` is the path shown in messages (relative
 * to the cwd). Lines are decoded one by one, not the file at once: a single
 * "…" anywhere makes V8 hold a whole decoded file as two-byte text, which is
 * slower to decode and to JSON.parse; most lines are ASCII and stay one-byte.
 */
export function parseStream(kernel: string, display: string, data: string | Buffer): Stream {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const file = new VFile({ path: display, value: bytes });
  const envelopes: messages.Envelope[] = [];
  const lines: number[] = [];
  const count = eachLine(bytes, (from, end, line) => {
    if (isBlank(bytes, from, end)) return;
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8', from, end));
    } catch (error) {
      // V8 says "… at position N"; turn that into a column.
      const reason = error instanceof Error ? error.message : String(error);
      const position = /position (\d+)/.exec(reason)?.[1];
      // Only blank lines after it: the file was cut off inside its last line.
      file.fail(`${isBlank(bytes, end + 1, bytes.length) ? 'truncated' : 'malformed'} NDJSON: ${reason}`, { place: { line, column: position === undefined ? 1 : Number(position) + 1 }, ruleId: 'ndjson', source: 'docs-build' });
    }
    const keys = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
    if (keys.length !== 1 || !ENVELOPE_KEYS.has(keys[0] ?? '')) {
      file.fail(`not a cucumber message envelope (expected one of meta, source, pickle, testCase, …; got ${keys.length ? keys.join(', ') : typeof value})`, { place: { line, column: 1 }, ruleId: 'envelope', source: 'docs-build' });
    }
    envelopes.push(value as messages.Envelope);
    lines.push(line);
  });
  // A run that was cut off between lines parses, but ends without its last message.
  if (!envelopes.some((e) => e.testRunFinished)) {
    file.fail('truncated message stream: no testRunFinished envelope (did the run finish?)', { place: { line: count, column: 1 }, ruleId: 'truncated', source: 'docs-build' });
  }
  return { kernel, file, envelopes, lines };
}

export function loadStream(kernel: string, filePath: string): Stream {
  const relative = path.relative(process.cwd(), filePath);
  const display = relative === '' || relative.startsWith('..') ? path.resolve(filePath) : relative;
  return parseStream(kernel, display, readFileSync(filePath));
}

/**
 * The streams of a reports directory, one per `<kernel>.ndjson`, in `order`
 * (the cucumber profiles' order) and then by name for any others.
 */
export function loadReports(dir: string, order: readonly string[] = []): Stream[] {
  const fail = (reason: string): never => new VFile({ path: dir }).fail(reason, { ruleId: 'no-reports', source: 'docs-build' });
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.ndjson'));
  } catch {
    fail('no reports directory (run `npm run test:spec` first)');
  }
  if (names.length === 0) fail('no *.ndjson message streams here (run `npm run test:spec` first)');
  const kernels = names.map((n) => n.slice(0, -'.ndjson'.length));
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  kernels.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return kernels.map((k) => loadStream(k, path.join(dir, `${k}.ndjson`)));
}
