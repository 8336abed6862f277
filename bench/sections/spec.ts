// Row 4: the spec's own speed, as a contributor waits for it, each with its
// target (issue 11) and min/median/max of --slow-runs runs:
// - `npm test` on a fresh clone (git clone of HEAD, npm ci untimed);
// - its parts: typecheck, test:unit, test:spec (split per kernel from the
//   "== kernel K" headers it prints, timestamped as they stream in);
// - the live column: from the first live run to the last, as test:spec
//   prints it ("live kernel N s in all"), and the same alone for 1-4
//   namespaces at a time (MOUNTSPEC_LIVE_JOBS), to choose the concurrency;
// - the docs build.
// With --baseline REF, the same rows for a fresh clone of REF, run
// alternately with ours, so the machine's load falls on both alike.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { duration, ratio } from '../format';
import type { Options } from '../options';
import { BUILD_DIR, REPO_ROOT } from '../paths';
import { progress } from '../progress';
import { median } from '../samples';
import type { Row } from '../table';

const TARGETS_NS = { npmTest: 60e9, spec: 15e9, live: 10e9 } as const;
const LIVE_JOBS = [1, 2, 3, 4] as const;

interface Timed {
  readonly ns: number;
  readonly status: number | null;
  /** For test:spec: each "== kernel K" segment, and the start-up before the first. */
  readonly segments: Map<string, number>;
  /** The live column from its first run to its last, when test:spec says ("live kernel N s in all"). */
  readonly liveNs: number | null;
  /** The 1-minute load average when the run ended. */
  readonly load: number;
}

/** Runs `npm run --silent <script> [-- args]` in `cwd`, timing it and the kernel headers it prints. */
function timeScript(cwd: string, script: string, env: Record<string, string> = {}, args: readonly string[] = []): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - started);
    const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
    const segments = new Map<string, number>();
    let liveNs: number | null = null;
    let current = 'start-up';
    let mark = 0;
    const close = (at: number) => segments.set(current, (segments.get(current) ?? 0) + at - mark);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const live = /live kernel (\d+(?:\.\d+)?) s in all/.exec(line);
      if (live) liveNs = Number(live[1]) * 1e9;
      const header = /^== kernel (\S+)/.exec(line);
      const end = /^== differential/.test(line) || /^\d+ passed, \d+ failed/.test(line);
      if (!header && !end) return;
      const at = since();
      close(at);
      current = header ? header[1]! : 'verdict';
      mark = at;
    });
    child.on('error', reject);
    child.on('close', (status) => {
      const ns = since();
      close(ns);
      resolve({ ns, status, segments, liveNs, load: loadavg()[0]! });
    });
  });
}

function scripts(cwd: string): Record<string, string> {
  return (JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
}

/** A fresh clone of `ref` (committed work only) with its dependencies installed (untimed), under build/bench/. */
function freshClone(ref: string, name: string): string {
  const dir = join(BUILD_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(BUILD_DIR, { recursive: true });
  progress(`cloning ${ref} into ${dir} and running npm ci`);
  // The commit, resolved here: a clone's own HEAD would be the repository's default branch.
  const commit = spawnSync('git', ['-C', REPO_ROOT, 'rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).stdout.trim();
  if (!commit) throw new Error(`bench: ${ref} names no commit`);
  const clone = spawnSync('git', ['clone', '-q', '--no-checkout', REPO_ROOT, dir], { stdio: 'inherit' });
  const checkout = clone.status === 0 ? spawnSync('git', ['-C', dir, 'checkout', '-q', '--detach', commit], { stdio: 'inherit' }) : clone;
  const ci = checkout.status === 0 ? spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: dir, stdio: 'ignore' }) : checkout;
  if (ci.status !== 0) throw new Error(`bench: cannot prepare a fresh clone of ${ref} (exit status ${ci.status})`);
  return dir;
}

/** The docs build alone (the spec has just run), written under build/bench/. */
function docsCommand(): { script: string; args: string[] } | null {
  const s = scripts(REPO_ROOT);
  const out = ['--out', join(BUILD_DIR, 'site')];
  if (s['docs:build']) return { script: 'docs:build', args: out };
  if (s.docs) return { script: 'docs', args: ['--no-serve', '--no-spec', ...out] };
  return null;
}

interface Subject {
  readonly label: string;
  readonly cwd: string;
}

/** `runs` runs of a script on each subject, alternating between them. */
async function timeRuns(subjects: readonly Subject[], runs: number, script: string, env: Record<string, string> = {}): Promise<Timed[][]> {
  const out: Timed[][] = subjects.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [s, subject] of subjects.entries()) {
      progress(`${subject.label}: npm run ${script}${Object.keys(env).length ? ` (${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')})` : ''} (${i + 1}/${runs})`);
      out[s]!.push(await timeScript(subject.cwd, script, env));
    }
  }
  return out;
}

/** "12.3 s (min 11.0 s, max 14.2 s; load 3.1)": the median first, what the table's column says. */
function spread(values: readonly number[], runs: readonly Timed[]): string {
  if (values.length === 0) return 'no figure (see the script\u2019s own output)';
  const failed = runs.find((r) => r.status !== 0);
  const loads = runs.map((r) => r.load);
  const range = values.length > 1 ? ` (min ${duration(Math.min(...values))}, max ${duration(Math.max(...values))}; load ${median(loads).toFixed(1)})` : ` (load ${loads[0]!.toFixed(1)})`;
  return `${duration(median(values))}${range}${failed ? ` exit status ${failed.status ?? 'signal'}` : ''}`;
}

function row(what: string, values: readonly number[], runs: readonly Timed[], target?: number): Row {
  return {
    group: '4',
    what,
    model: spread(values, runs),
    reference: target ? `target ${duration(target)}` : '—',
    ratio: target && values.length ? ratio(median(values), target) : '—',
  };
}

/** The live column's time: as test:spec prints it, or (an older test:spec) its "== kernel live" segment. */
function liveTimes(runs: readonly Timed[]): number[] {
  return runs.map((r) => r.liveNs ?? r.segments.get('live')).filter((v): v is number => v !== undefined);
}

export async function specRows(options: Options): Promise<Row[]> {
  const runs = options.slowRuns;
  const subjects: Subject[] = [{ label: 'HEAD', cwd: freshClone('HEAD', 'clone-head') }];
  if (options.baseline) subjects.push({ label: options.baseline, cwd: freshClone(options.baseline, 'clone-baseline') });
  const suffix = (s: Subject) => (s.label === 'HEAD' ? '' : ` — baseline ${s.label}`);
  const rows: Row[] = [];
  const npmTest = await timeRuns(subjects, runs, 'test');
  const spec = await timeRuns(subjects, runs, 'test:spec');
  const unit = await timeRuns(subjects, runs, 'test:unit');
  const typecheck = await timeRuns(subjects, runs, 'typecheck');
  for (const [s, subject] of subjects.entries()) {
    const x = suffix(subject);
    rows.push(row(`npm test on a fresh clone (2 cores)${x}`, npmTest[s]!.map((r) => r.ns), npmTest[s]!, TARGETS_NS.npmTest));
    rows.push(row(`npm run typecheck${x}`, typecheck[s]!.map((r) => r.ns), typecheck[s]!));
    rows.push(row(`npm run test:unit${x}`, unit[s]!.map((r) => r.ns), unit[s]!));
    rows.push(row(`npm run test:spec (4 models + live)${x}`, spec[s]!.map((r) => r.ns), spec[s]!, TARGETS_NS.spec));
    rows.push(row(`test:spec: the live column, first run to last${x}`, liveTimes(spec[s]!), spec[s]!, TARGETS_NS.live));
    for (const name of spec[s]![0]!.segments.keys()) {
      if (name === 'start-up' || name === 'verdict') continue;
      rows.push(row(`test:spec: kernel ${name}, header to verdict${x}`, spec[s]!.map((r) => r.segments.get(name) ?? 0), spec[s]!));
    }
  }
  // The concurrency: the live column alone, N namespaces at a time (only where test:spec has the pool).
  if (existsSync(join(REPO_ROOT, 'engine', 'live', 'pool.ts'))) {
    const head = subjects.slice(0, 1);
    for (const jobs of LIVE_JOBS) {
      const alone = (await timeRuns(head, runs, 'test:spec', { MOUNTSPEC_KERNELS: 'live', MOUNTSPEC_LIVE_JOBS: String(jobs) }))[0]!;
      rows.push(row(`the live column alone, ${jobs} namespace${jobs > 1 ? 's' : ''} at a time`, liveTimes(alone), alone, TARGETS_NS.live));
    }
  }
  const docs = docsCommand();
  if (!docs) rows.push({ group: '4', what: 'docs build', model: 'skipped: no docs script in package.json', reference: '—', ratio: '—' });
  else {
    const built: Timed[] = [];
    for (let i = 0; i < runs; i++) {
      progress(`HEAD: npm run ${docs.script} (${i + 1}/${runs})`);
      built.push(await timeScript(subjects[0]!.cwd, docs.script, {}, docs.args));
    }
    rows.push(row(`docs build (npm run ${docs.script}, from the spec's reports)`, built.map((r) => r.ns), built));
  }
  return rows;
}
