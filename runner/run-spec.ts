// `npm run test:spec`: the spec on every kernel, one cucumber run each (its
// message stream in reports/<kernel>.ndjson), then the verdict: every
// undeclared failure, every declared failure that passed, every crash, and
// every command where the mainline model and the live kernel part ways.
//
// The live kernel runs each transcript once: a pool of throwaway namespaces
// (engine/live/pool.ts) starts on all of them at once, several at a time,
// while the model kernels run; the live column's scenarios read their runs
// from it, and so does the differential check at the end (the transcripts
// of @model-only scenarios too, which the live column leaves out).
//
// Progress: each scenario's result is printed as it finishes (kernel,
// feature:line, outcome), and a one-line summary per kernel with its time.
// On a terminal a status line counts along (carriage returns); elsewhere
// (CI) nothing is printed but whole lines.

import { loadConfiguration, loadSupport, runCucumber } from '@cucumber/cucumber/api';
import type * as messages from '@cucumber/messages';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createBackend } from '../engine/backends';
import { LivePool, pooledBackend, transcriptKey } from '../engine/live/pool';
import { BackendUnavailable, type Backend } from '../engine/transcript/types';
import { useBackend } from '../steps/support/backend';
import { differentialProblems } from './differential';
import { featureTranscripts } from './feature-transcripts';
import { unknownKernelTags, VerdictCollector, type ScenarioVerdict } from './verdict';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { KERNELS } = require('../cucumber.js') as { KERNELS: string[] };

const ROOT = join(__dirname, '..');

/**
 * Live namespaces at once. Measured on 2 cores (README, "Benchmarks"): 3 is
 * a third faster than 2; past 3 the gain was within the noise of a loaded
 * machine, where they would only queue for the CPU on a quiet one.
 * MOUNTSPEC_LIVE_JOBS overrides.
 */
const LIVE_JOBS = 3;

const MARK: Record<ScenarioVerdict['outcome'], string> = {
  passed: 'pass',
  'failed as declared': 'FAIL (declared)',
  'failed undeclared': 'FAIL UNDECLARED',
  'passed though declared failing': 'PASS BUT DECLARED FAILING',
  'not applicable': 'n/a',
  skipped: 'skipped',
  broken: 'BROKEN',
};

/** Whole lines always; on a terminal, also a status line that the next line overwrites. */
class Progress {
  private status = '';
  private readonly tty = process.stdout.isTTY === true;

  line(text: string): void {
    this.clear();
    process.stdout.write(`${text}\n`);
    this.redraw();
  }

  setStatus(text: string): void {
    if (!this.tty) return;
    this.clear();
    this.status = text;
    this.redraw();
  }

  done(): void {
    this.clear();
    this.status = '';
  }

  private clear(): void {
    if (this.tty && this.status) process.stdout.write('\r\x1b[K');
  }

  private redraw(): void {
    if (this.tty && this.status) process.stdout.write(this.status);
  }
}

const progress = new Progress();

type Support = Awaited<ReturnType<typeof loadSupport>>;

function featurePaths(): string[] | undefined {
  // MOUNTSPEC_FEATURES=a.feature,b.feature runs those instead of features/ (for tests and quick looks).
  const paths = process.env.MOUNTSPEC_FEATURES?.split(',').filter(Boolean);
  return paths?.length ? paths : undefined;
}

async function runKernel(kernel: string, support: Support | null, onVerdict: (v: ScenarioVerdict) => void) {
  const { runConfiguration } = await loadConfiguration({ profiles: [kernel] });
  const paths = featurePaths();
  if (paths) runConfiguration.sources.paths = paths;
  const loaded = support ?? (await loadSupport(runConfiguration));
  const envelopes: messages.Envelope[] = [];
  const collector = new VerdictCollector(kernel);
  // The message stream, and cucumber's own summary in a file: expected
  // failures would drown the verdict. MOUNTSPEC_REPORTS moves both (tests).
  const dir = process.env.MOUNTSPEC_REPORTS ?? 'reports';
  const formats = { ...runConfiguration.formats, files: { [`${dir}/${kernel}.ndjson`]: 'message', [`${dir}/${kernel}.summary.txt`]: 'summary' } };
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  await runCucumber({ ...runConfiguration, formats, support: loaded }, { stdout: discard }, (e) => {
    envelopes.push(e);
    const verdict = collector.add(e);
    if (verdict) onVerdict(verdict);
  });
  return { envelopes, verdicts: collector.all(), support: loaded };
}

/** The live backend, or the one-line reason it cannot run here (no privilege). */
async function liveBackend(): Promise<Backend | BackendUnavailable> {
  try {
    return await createBackend('live');
  } catch (error) {
    if (error instanceof BackendUnavailable) return error;
    throw error;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** What the streams cannot say about the run: the commit and util-linux, for the site's run facts. */
function recordRun(dir: string): void {
  const out = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const head = out('git', ['rev-parse', '--short=12', 'HEAD']);
  const dirty = out('git', ['status', '--porcelain', '--untracked-files=no']);
  const utilLinux = /util-linux\s+(\S+)/.exec(out('mount', ['--version']) ?? '')?.[1] ?? null;
  writeFileSync(`${dir}/run.json`, `${JSON.stringify({ commit: head && (dirty ? `${head} with local changes` : head), utilLinux })}\n`);
}

async function main(): Promise<number> {
  mkdirSync(process.env.MOUNTSPEC_REPORTS ?? 'reports', { recursive: true });
  recordRun(process.env.MOUNTSPEC_REPORTS ?? 'reports');
  const only = process.env.MOUNTSPEC_KERNELS?.split(',').filter(Boolean);
  const kernels = only?.length ? KERNELS.filter((k) => only.includes(k)) : KERNELS;
  const problems: string[] = [];
  const counts = { ok: 0, bad: 0 };

  // The live runs start first, in the background: they take longest, and mostly wait on other processes.
  const transcripts = featureTranscripts(ROOT, { paths: featurePaths() });
  const live = kernels.includes('live') ? await liveBackend() : null;
  let pool: LivePool | null = null;
  let liveStarted = 0;
  if (live && !(live instanceof BackendUnavailable)) {
    const jobs = Number(process.env.MOUNTSPEC_LIVE_JOBS) || LIVE_JOBS;
    let ran = 0;
    pool = new LivePool(live, jobs, { onDone: () => progress.setStatus(`live kernel: ${++ran}/${transcripts.length} transcripts run, ${jobs} namespaces at a time`) });
    liveStarted = Date.now();
    pool.add(transcripts.map((t) => t.lines));
    useBackend('live', pooledBackend(live, pool));
  } else if (live) useBackend('live', live);

  let support: Support | null = null;
  for (const kernel of kernels) {
    const started = Date.now();
    process.stdout.write(`\n== kernel ${kernel}\n`);
    if (live instanceof BackendUnavailable && kernel === 'live') progress.line(`${kernel} is skipped here: ${live.reason}`);
    let finished = 0;
    const run = await runKernel(kernel, support, (v) => {
      progress.line(`  ${kernel.padEnd(15)} ${MARK[v.outcome].padEnd(26)} ${v.key} ${v.name}`);
      progress.setStatus(`${kernel}: ${++finished} scenarios done`);
    });
    progress.done();
    support = run.support;
    const parseErrors = run.envelopes.filter((e) => e.parseError).map((e) => `${e.parseError!.source.uri}:${e.parseError!.source.location?.line ?? '?'}: ${e.parseError!.message}`);
    problems.push(...parseErrors.map((p) => `${kernel}: malformed feature: ${p}`));
    const results = run.verdicts;
    for (const v of results) {
      for (const tag of unknownKernelTags(v.tags, KERNELS)) problems.push(`${v.key}: ${tag} names no kernel (kernels: ${KERNELS.join(', ')})`);
      if (v.ok) counts.ok++;
      else {
        counts.bad++;
        problems.push(`${kernel}: ${v.key} "${v.name}": ${v.outcome}${v.message ? `\n    ${v.message.split('\n').join('\n    ')}` : ''}`);
      }
    }
    const skipped = results.filter((v) => v.outcome === 'skipped').length;
    const notApplicable = results.filter((v) => v.outcome === 'not applicable').length;
    const elapsed = kernel === 'live' && liveStarted ? Date.now() - liveStarted : Date.now() - started;
    process.stdout.write(
      `verdict on ${kernel}: ${results.filter((v) => v.ok).length}/${results.length} as the spec claims` +
        (notApplicable ? ` (${notApplicable} not applicable)` : '') +
        (skipped ? ` (${skipped} skipped)` : '') +
        `, ${seconds(elapsed)}${kernel === 'live' && liveStarted ? ' since its first run' : ''}\n`,
    );
  }

  if (pool) {
    const started = Date.now();
    process.stdout.write('\n== differential: mainline model vs live kernel\n');
    const recorded = await pool.all();
    const mainline = await createBackend('mainline');
    const found = await differentialProblems(transcripts, (lines) => mainline.run(lines), (lines) => recorded.get(transcriptKey(lines)));
    problems.push(...found);
    if (found.length) counts.bad += found.length;
    process.stdout.write(
      `differential: ${transcripts.length - found.length}/${transcripts.length} transcripts agree command by command` +
        ` (${recorded.size} live runs, ${pool.extraRuns} beyond the spec's transcripts; live kernel ${seconds(Date.now() - liveStarted)} in all), ${seconds(Date.now() - started)}\n`,
    );
  } else if (live instanceof BackendUnavailable) {
    process.stdout.write(`\ndifferential check skipped: ${live.reason}\n`);
  } else {
    process.stdout.write('\ndifferential check skipped: the live kernel is not among the kernels run (MOUNTSPEC_KERNELS)\n');
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
