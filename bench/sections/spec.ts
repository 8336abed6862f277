// Row 4: the spec's own speed, as a contributor waits for it: wall time of
// each npm script of `npm test`, test:spec split per kernel from the
// "== kernel K" headers it prints (timestamped as they stream in), and the
// docs build. The scripts run as they are; their output is discarded.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { duration, ratio } from '../format';
import type { Options } from '../options';
import { BUILD_DIR, REPO_ROOT } from '../paths';
import { progress } from '../progress';
import { median } from '../samples';
import type { Row } from '../table';

/** The target for the model and live parts together, on 2 cores. */
const SPEC_TARGET_NS = 15e9;

interface Timed {
  readonly ns: number;
  readonly status: number | null;
  /** For test:spec: each "== kernel K" segment, and the start-up before the first. */
  readonly segments: Map<string, number>;
}

/** Runs `npm run --silent <script> [-- args]`, timing it and the kernel headers it prints. */
function timeScript(script: string, args: readonly string[] = []): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - started);
    const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    const segments = new Map<string, number>();
    let current = 'start-up';
    let mark = 0;
    const close = (at: number) => segments.set(current, (segments.get(current) ?? 0) + at - mark);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const header = /^== kernel (\S+)/.exec(line);
      const summary = /^\d+ passed, \d+ failed/.test(line);
      if (!header && !summary) return;
      const at = since();
      close(at);
      current = header ? header[1]! : 'verdict';
      mark = at;
    });
    child.on('error', reject);
    child.on('close', (status) => {
      const ns = since();
      close(ns);
      resolve({ ns, status, segments });
    });
  });
}

function scripts(): Record<string, string> {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
}

/** The docs build alone (the spec has just run), written under build/bench/. */
function docsCommand(): { script: string; args: string[] } | null {
  const s = scripts();
  const out = ['--out', join(BUILD_DIR, 'site')];
  if (s['docs:build']) return { script: 'docs:build', args: out };
  if (s.docs) return { script: 'docs', args: ['--no-serve', '--no-spec', ...out] };
  return null;
}

async function timeRuns(label: string, runs: number, script: string, args: readonly string[] = []): Promise<Timed[]> {
  const out: Timed[] = [];
  for (let i = 0; i < runs; i++) {
    progress(`${label} (${i + 1}/${runs})`);
    out.push(await timeScript(script, args));
  }
  return out;
}

function failed(runs: readonly Timed[]): string {
  const bad = runs.find((r) => r.status !== 0);
  return bad ? ` (exit status ${bad.status ?? 'signal'})` : '';
}

function wall(runs: readonly Timed[]): number {
  return median(runs.map((r) => r.ns));
}

export async function specRows(options: Options): Promise<Row[]> {
  const runs = options.slowRuns;
  const typecheck = await timeRuns('npm run typecheck', runs, 'typecheck');
  const unit = await timeRuns('npm run test:unit', runs, 'test:unit');
  const spec = await timeRuns('npm run test:spec', runs, 'test:spec');
  const rows: Row[] = [
    { group: '4', what: 'npm run typecheck', model: `${duration(wall(typecheck))}${failed(typecheck)}`, reference: '—', ratio: '—' },
    { group: '4', what: 'npm run test:unit (engine, steps, runner, docs-build)', model: `${duration(wall(unit))}${failed(unit)}`, reference: '—', ratio: '—' },
  ];
  const names = [...spec[0]!.segments.keys()];
  for (const name of names) {
    const what = name === 'start-up' ? 'test:spec: start-up (npm, node, ts-node)' : name === 'verdict' ? 'test:spec: verdict' : `test:spec: kernel ${name}${name === names[1] ? ' (includes loading the steps)' : ''}`;
    rows.push({ group: '4', what, model: duration(median(spec.map((r) => r.segments.get(name) ?? 0))), reference: '—', ratio: '—' });
  }
  const specWall = wall(spec);
  rows.push({ group: '4', what: 'npm run test:spec (model variants and live together)', model: `${duration(specWall)}${failed(spec)}`, reference: `target ${duration(SPEC_TARGET_NS)}`, ratio: ratio(specWall, SPEC_TARGET_NS) });
  rows.push({ group: '4', what: 'npm test (the sum of the three)', model: duration(wall(typecheck) + wall(unit) + specWall), reference: '—', ratio: '—' });
  const docs = docsCommand();
  if (!docs) rows.push({ group: '4', what: 'docs build', model: 'skipped: no docs script in package.json', reference: '—', ratio: '—' });
  else {
    const built = await timeRuns(`npm run ${docs.script}`, runs, docs.script, docs.args);
    rows.push({ group: '4', what: `docs build (npm run ${docs.script}, from the spec's reports)`, model: `${duration(wall(built))}${failed(built)}`, reference: '—', ratio: '—' });
  }
  return rows;
}
