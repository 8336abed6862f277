// `npm run test:spec`: the spec on every kernel, one cucumber run each (its
// message stream in reports/<kernel>.ndjson), then the verdict: every
// undeclared failure, every declared failure that passed, every crash.

import { loadConfiguration, loadSupport, runCucumber } from '@cucumber/cucumber/api';
import type * as messages from '@cucumber/messages';
import { mkdirSync } from 'node:fs';
import { Writable } from 'node:stream';
import { createBackend } from '../engine/backends';
import { BackendUnavailable } from '../engine/transcript/types';
import { unknownKernelTags, verdicts, type ScenarioVerdict } from './verdict';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { KERNELS } = require('../cucumber.js') as { KERNELS: string[] };

const MARK: Record<ScenarioVerdict['outcome'], string> = {
  passed: 'pass',
  'failed as declared': 'FAIL (declared)',
  'failed undeclared': 'FAIL UNDECLARED',
  'passed though declared failing': 'PASS BUT DECLARED FAILING',
  'not applicable': 'n/a',
  skipped: 'skipped',
  broken: 'BROKEN',
};

async function runKernel(kernel: string, support: Awaited<ReturnType<typeof loadSupport>> | null) {
  const { runConfiguration } = await loadConfiguration({ profiles: [kernel] });
  // MOUNTSPEC_FEATURES=a.feature,b.feature runs those instead of features/ (for tests and quick looks).
  const paths = process.env.MOUNTSPEC_FEATURES?.split(',').filter(Boolean);
  if (paths?.length) runConfiguration.sources.paths = paths;
  const loaded = support ?? (await loadSupport(runConfiguration));
  const envelopes: messages.Envelope[] = [];
  // The message stream, and cucumber's own summary in a file: expected
  // failures would drown the verdict. MOUNTSPEC_REPORTS moves both (tests).
  const dir = process.env.MOUNTSPEC_REPORTS ?? 'reports';
  const formats = { ...runConfiguration.formats, files: { [`${dir}/${kernel}.ndjson`]: 'message', [`${dir}/${kernel}.summary.txt`]: 'summary' } };
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  await runCucumber({ ...runConfiguration, formats, support: loaded }, { stdout: discard }, (e) => envelopes.push(e));
  return { envelopes, support: loaded };
}

/** The one-line reason a backend cannot run here (the live kernel without privilege), or null. */
async function whyUnavailable(kernel: string): Promise<string | null> {
  try {
    await createBackend(kernel);
    return null;
  } catch (error) {
    if (error instanceof BackendUnavailable) return error.reason;
    throw error;
  }
}

async function main(): Promise<number> {
  mkdirSync(process.env.MOUNTSPEC_REPORTS ?? 'reports', { recursive: true });
  const only = process.env.MOUNTSPEC_KERNELS?.split(',').filter(Boolean);
  const kernels = only?.length ? KERNELS.filter((k) => only.includes(k)) : KERNELS;
  let support: Awaited<ReturnType<typeof loadSupport>> | null = null;
  const problems: string[] = [];
  let counts = { ok: 0, bad: 0 };
  for (const kernel of kernels) {
    process.stdout.write(`\n== kernel ${kernel}\n`);
    const unavailable = await whyUnavailable(kernel);
    if (unavailable) process.stdout.write(`${kernel} is skipped here: ${unavailable}\n`);
    const run = await runKernel(kernel, support);
    support = run.support;
    const parseErrors = run.envelopes.filter((e) => e.parseError).map((e) => `${e.parseError!.source.uri}:${e.parseError!.source.location?.line ?? '?'}: ${e.parseError!.message}`);
    problems.push(...parseErrors.map((p) => `${kernel}: malformed feature: ${p}`));
    const results = verdicts(run.envelopes, kernel);
    for (const v of results) {
      for (const tag of unknownKernelTags(v.tags, KERNELS)) problems.push(`${v.key}: ${tag} names no kernel (kernels: ${KERNELS.join(', ')})`);
      if (v.ok) counts.ok++;
      else {
        counts.bad++;
        problems.push(`${kernel}: ${v.key} "${v.name}": ${v.outcome}${v.message ? `\n    ${v.message.split('\n').join('\n    ')}` : ''}`);
      }
    }
    const skippedLive = results.filter((v) => v.outcome === 'skipped').length;
    process.stdout.write(`verdict on ${kernel}: ${results.filter((v) => v.ok).length}/${results.length} as the spec claims` + (skippedLive ? ` (${skippedLive} skipped)` : '') + '\n');
    for (const v of results) process.stdout.write(`  ${MARK[v.outcome].padEnd(26)} ${v.key} ${v.name}\n`);
  }
  if (problems.length) {
    process.stdout.write(`\nThe spec does not hold:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
  }
  process.stdout.write(`\n${counts.ok} passed, ${counts.bad} failed\n`);
  return problems.length ? 1 : 0;
}

main().then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    process.stderr.write(`run-spec: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
