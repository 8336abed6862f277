// `mountspec reproduce FEATURE:LINE --kernel K`: run one scenario on one
// kernel, as the site's "Reproduce" line says, and print its terminal as
// `mountspec run` does, then its verdict. It writes no message stream:
// reports/ (what the site is built from) stays as the full run left it.

import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type * as messages from '@cucumber/messages';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { toTerminal } from '../engine/cli';
import type { CommandResult } from '../engine/transcript/types';
import { verdicts } from './verdict';

const SESSION_MEDIA_TYPE = 'application/vnd.mountspec.session+json';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { KERNELS } = require('../cucumber.js') as { KERNELS: string[] };

export const USAGE = `usage: mountspec reproduce FEATURE:LINE --kernel <${KERNELS.join('|')}>
Runs that one scenario on that kernel; reports/ is left alone.`;

type Io = { out: (text: string) => void; err: (text: string) => void };

class Refused extends Error {}

function parse(args: readonly string[]): { file: string; line: number; kernel: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { kernel: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new Refused((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new Refused('reproduce takes exactly one FEATURE:LINE');
  const match = /^(.+\.feature):(\d+)$/.exec(positionals[0]!);
  if (!match) throw new Refused(`"${positionals[0]}" is not FEATURE:LINE (e.g. features/thread/close-then-mount.feature:41)`);
  if (!values.kernel) throw new Refused('--kernel is required');
  if (!KERNELS.includes(values.kernel)) throw new Refused(`unknown kernel "${values.kernel}": choose one of ${KERNELS.join(', ')}`);
  if (!existsSync(match[1]!)) throw new Refused(`${match[1]}: no such file`);
  return { file: path.relative(process.cwd(), path.resolve(match[1]!)), line: Number(match[2]), kernel: values.kernel };
}

/** The scenario's own results: the session attachments, in order (several when it runs several transcripts). */
function sessions(envelopes: readonly messages.Envelope[]): CommandResult[][] {
  return envelopes.flatMap((e) => (e.attachment?.mediaType === SESSION_MEDIA_TYPE ? [(JSON.parse(e.attachment.body) as { results: CommandResult[] }).results] : []));
}

export async function reproduce(args: readonly string[], io: Io): Promise<number> {
  let target;
  try {
    target = parse(args);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    io.err(`mountspec: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const { file, line, kernel } = target;
  const { runConfiguration } = await loadConfiguration({ profiles: [kernel] });
  runConfiguration.sources.paths = [`${file}:${line}`];
  // No message formatter, no files: only the envelopes, in memory.
  const formats = { stdout: 'summary', files: {}, publish: false as const, options: {} };
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const envelopes: messages.Envelope[] = [];
  await runCucumber({ ...runConfiguration, formats }, { stdout: discard, stderr: discard }, (e) => envelopes.push(e));
  const parseError = envelopes.find((e) => e.parseError)?.parseError;
  if (parseError) {
    io.err(`mountspec: ${parseError.source.uri}:${parseError.source.location?.line ?? '?'}: ${parseError.message}\n`);
    return 2;
  }
  const verdict = verdicts(envelopes, kernel).find((v) => v.key === `${file}:${line}`);
  if (!verdict) {
    io.err(`mountspec: ${file}:${line}: no scenario starts on that line\n`);
    return 2;
  }
  io.out(`[mountspec] ${file}:${line} "${verdict.name}" on ${kernel}\n`);
  for (const results of sessions(envelopes)) io.out(toTerminal(results));
  io.out(`[mountspec] ${verdict.outcome}${verdict.ok ? '' : ' (not as the spec claims)'}\n`);
  if (verdict.message) io.out(`${verdict.message.replace(/^/gm, '    ')}\n`);
  return verdict.ok ? 0 : 1;
}

