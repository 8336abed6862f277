// Row 4: the spec's own speed, as a contributor waits for it, each with its
// target (issue 11) and min/median/max of --slow-runs runs. One `npm test`
// per run, on a fresh clone (git clone of the commit, npm ci untimed), its
// parts told apart by the lines it prints as they stream in: npm's
// "> pkg@version script" banners, test:spec's "== kernel K" headers and
// its "live kernel N s in all" (the live column from its first run to its
// last). Then the live column alone at 1-4 namespaces at a time
// (MOUNTSPEC_LIVE_JOBS), to choose the concurrency, and the docs build.
// With --baseline REF, the npm test rows also for a fresh clone of REF,
// run alternately with HEAD, so the machine's load falls on both alike.

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
  /** When each marker line was first seen (ns since the start): "script:NAME", "kernel:K". */
  readonly marks: readonly { readonly name: string; readonly at: number }[];
  /** The live column from its first run to its last, when test:spec says ("live kernel N s in all"). */
  readonly liveNs: number | null;
  /** The 1-minute load average when the run ended. */
  readonly load: number;
}

/** Runs `npm run <script> [-- args]` in `cwd`, timing it and the marker lines it prints. */
function timeScript(cwd: string, script: string, env: Record<string, string> = {}, args: readonly string[] = []): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - started);
    const child = spawn('npm', ['run', script, ...(args.length ? ['--', ...args] : [])], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
    const marks: { name: string; at: number }[] = [];
    let liveNs: number | null = null;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const live = /live kernel (\d+(?:\.\d+)?) s in all/.exec(line);
      if (live) liveNs = Number(live[1]) * 1e9;
      const banner = /^> \S+@\S+ (\S+)$/.exec(line);
      const header = /^== (?:kernel (\S+)|(differential))/.exec(line);
      const name = banner ? `script:${banner[1]}` : header ? `kernel:${header[1] ?? header[2]}` : /^\d+ passed, \d+ failed/.test(line) ? 'verdict' : null;
      if (name && !marks.some((m) => m.name === name)) marks.push({ name, at: since() });
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ ns: since(), status, marks, liveNs, load: loadavg()[0]! }));
  });
}

/** From mark `name` to the next mark (or the end): one part of a run, or undefined if it never printed it. */
function part(run: Timed, name: string, until?: (next: string) => boolean): number | undefined {
  const at = run.marks.findIndex((m) => m.name === name);
  if (at < 0) return undefined;
  const next = run.marks.slice(at + 1).find((m) => !until || until(m.name));
  return (next?.at ?? run.ns) - run.marks[at]!.at;
}

/** A fresh clone of `ref` (committed work only) with its dependencies installed (untimed), under build/bench/. */
function freshClone(ref: string, name: string): string {
  const dir = join(BUILD_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(BUILD_DIR, { recursive: true });
  // The commit, resolved here: a clone's own HEAD would be the repository's default branch.
  const commit = spawnSync('git', ['-C', REPO_ROOT, 'rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).stdout.trim();
  if (!commit) throw new Error(`bench: ${ref} names no commit`);
  progress(`cloning ${ref} (${commit.slice(0, 10)}) into ${dir} and running npm ci`);
  const clone = spawnSync('git', ['clone', '-q', '--no-checkout', REPO_ROOT, dir], { stdio: 'inherit' });
  const checkout = clone.status === 0 ? spawnSync('git', ['-C', dir, 'checkout', '-q', '--detach', commit], { stdio: 'inherit' }) : clone;
  const ci = checkout.status === 0 ? spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: dir, stdio: 'ignore' }) : checkout;
  if (ci.status !== 0) throw new Error(`bench: cannot prepare a fresh clone of ${ref} (exit status ${ci.status})`);
  return dir;
}

interface Subject {
  readonly label: string;
  readonly cwd: string;
}

/** `runs` runs of a script on each subject, alternating between them. */
async function timeRuns(subjects: readonly Subject[], runs: number, script: string, env: Record<string, string> = {}, args: readonly string[] = []): Promise<Timed[][]> {
  const out: Timed[][] = subjects.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [s, subject] of subjects.entries()) {
      const vars = Object.entries(env).map(([k, v]) => `${k}=${v} `).join('');
      progress(`${subject.label}: ${vars}npm run ${script} (${i + 1}/${runs})`);
      out[s]!.push(await timeScript(subject.cwd, script, env, args));
    }
  }
  return out;
}

/** "12.3 s (min 11.0 s, max 14.2 s; load 3.1)": the median first, as the table's column says. */
function spread(values: readonly number[], runs: readonly Timed[]): string {
  if (values.length === 0) return 'no figure (the script printed no marker for it)';
  const failed = runs.find((r) => r.status !== 0);
  const load = median(runs.map((r) => r.load)).toFixed(1);
  const range = values.length > 1 ? ` (min ${duration(Math.min(...values))}, max ${duration(Math.max(...values))}; load ${load})` : ` (load ${load})`;
  return `${duration(median(values))}${range}${failed ? `; exit status ${failed.status ?? 'signal'}` : ''}`;
}

function row(what: string, runs: readonly Timed[], value: (r: Timed) => number | null | undefined, target?: number): Row {
  const values = runs.map(value).filter((v): v is number => typeof v === 'number');
  return {
    group: '4',
    what,
    model: spread(values, runs),
    reference: target ? `target ${duration(target)}` : '—',
    ratio: target && values.length ? ratio(median(values), target) : '—',
  };
}

/** The live column's time: as test:spec prints it, or (an older test:spec) its "== kernel live" part. */
function liveColumn(r: Timed): number | undefined {
  return r.liveNs ?? part(r, 'kernel:live');
}

function npmTestRows(label: string, runs: readonly Timed[]): Row[] {
  const x = label === 'HEAD' ? '' : ` — baseline ${label}`;
  const script = (name: string) => (r: Timed) => part(r, `script:${name}`, (next) => next.startsWith('script:'));
  const kernels = [...new Set(runs.flatMap((r) => r.marks.map((m) => m.name)).filter((n) => n.startsWith('kernel:')))];
  return [
    row(`npm test on a fresh clone${x}`, runs, (r) => r.ns, TARGETS_NS.npmTest),
    // Since the type check runs beside test:unit, the two are timed together: from the first's banner to test:spec's.
    row(`npm test: typecheck and test:unit${x}`, runs, (r) => part(r, 'script:typecheck', (next) => next === 'script:test:spec')),
    row(`npm test: test:spec (4 models + live)${x}`, runs, script('test:spec'), TARGETS_NS.spec),
    row(`test:spec: the live column, first run to last${x}`, runs, liveColumn, TARGETS_NS.live),
    ...kernels.map((k) => row(`test:spec: ${k.replace(':', ' ')}, header to next${x}`, runs, (r) => part(r, k))),
  ];
}

/** The docs build alone (the spec has just run in the clone), written under build/bench/. */
function docsCommand(cwd: string): { script: string; args: string[] } | null {
  const s = (JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const out = ['--out', join(BUILD_DIR, 'site')];
  if (s['docs:build']) return { script: 'docs:build', args: out };
  if (s.docs) return { script: 'docs', args: ['--no-serve', '--no-spec', ...out] };
  return null;
}

export async function specRows(options: Options): Promise<Row[]> {
  const runs = options.slowRuns;
  const subjects: Subject[] = [{ label: 'HEAD', cwd: freshClone('HEAD', 'clone-head') }];
  if (options.baseline) subjects.push({ label: options.baseline, cwd: freshClone(options.baseline, 'clone-baseline') });
  const npmTest = await timeRuns(subjects, runs, 'test');
  const rows = subjects.flatMap((s, i) => npmTestRows(s.label, npmTest[i]!));
  const head = subjects[0]!;
  if (existsSync(join(head.cwd, 'engine', 'live', 'pool.ts'))) {
    for (const jobs of LIVE_JOBS) {
      const alone = (await timeRuns([head], runs, 'test:spec', { MOUNTSPEC_KERNELS: 'live', MOUNTSPEC_LIVE_JOBS: String(jobs) }))[0]!;
      rows.push(row(`the live column alone, ${jobs} namespace${jobs > 1 ? 's' : ''} at a time`, alone, liveColumn, TARGETS_NS.live));
    }
  }
  const docs = docsCommand(head.cwd);
  if (!docs) rows.push({ group: '4', what: 'docs build', model: 'skipped: no docs script in package.json', reference: '—', ratio: '—' });
  else {
    const built = (await timeRuns([head], runs, docs.script, {}, docs.args))[0]!;
    rows.push(row(`docs build (npm run ${docs.script}, from the spec's reports)`, built, (r) => r.ns));
  }
  return rows;
}
