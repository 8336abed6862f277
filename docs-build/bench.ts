// `npm run bench`: how long the site takes to build and how big it is, for
// the spec's own streams and for a generated suite of 1,000 scenarios on the
// same kernels, next to @cucumber/html-formatter (the official report,
// one file per stream) on the same streams. Medians of a few runs.

import { CucumberHtmlStream } from '@cucumber/html-formatter';
import type * as messages from '@cucumber/messages';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { lowerBoundBuild } from './bench-floor';
import { writeGrownSuite } from './bench-suite';
import { runCli } from './diagnostics';
import { build, profileKernels } from './index';
import { loadReports } from './load';

const FORMATTER_DIST = path.dirname(require.resolve('@cucumber/html-formatter/package.json'));

function bytesOf(dir: string): { bytes: number; files: number; largest: { bytes: number; file: string } } {
  let bytes = 0;
  let files = 0;
  let largest = { bytes: 0, file: '' };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const size = statSync(path.join(e.parentPath, e.name)).size;
    bytes += size;
    files++;
    if (size > largest.bytes) largest = { bytes: size, file: path.relative(dir, path.join(e.parentPath, e.name)) };
  }
  return { bytes, files, largest };
}

interface Times {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

const summary = (times: number[]): Times => {
  const sorted = [...times].sort((a, b) => a - b);
  return { min: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
};

/** Runs the builds in turn, `runs` times each: on a shared machine all see the same load. */
async function sideBySide(runs: number, bodies: readonly (() => Promise<void> | void)[]): Promise<Times[]> {
  const times = bodies.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [at, body] of bodies.entries()) {
      const start = performance.now();
      await body();
      times[at]!.push(performance.now() - start);
    }
  }
  return times.map(summary);
}

/** Our whole pipeline, as `npm run docs:build` runs it: load, transform, render, write. */
function buildSite(reports: string, out: string, kernels: readonly string[]): ReadonlyMap<string, string> {
  return build({ reports, out, kernels }).files;
}

/** The official report of each stream, as cucumber's `html` formatter writes it. */
async function buildFormatter(reports: string, out: string): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(reports).filter((n) => n.endsWith('.ndjson')).sort()) {
    const envelopes = readFileSync(path.join(reports, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as messages.Envelope);
    await pipeline(Readable.from(envelopes), new CucumberHtmlStream(path.join(FORMATTER_DIST, 'dist/main.css'), path.join(FORMATTER_DIST, 'dist/main.js')), createWriteStream(path.join(out, name.replace(/\.ndjson$/, '.html'))));
  }
}

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const range = (t: Times) => `${secs(t.median)} (min ${secs(t.min)}, max ${secs(t.max)})`;

/** The site's targets (issue 14): whole site ≤ 4 MB, no page above 1 MB, the build ≥ 2× faster than html-formatter. */
const TARGETS = { siteBytes: 4e6, pageBytes: 1e6, speedup: 2 };
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

async function measure(label: string, reports: string, kernels: readonly string[], runs: number, work: string): Promise<string[]> {
  const streams = loadReports(reports, kernels);
  const scenarios = Math.max(0, ...streams.map((st) => st.envelopes.filter((e) => e.pickle).length));
  const input = bytesOf(reports);
  const site = path.join(work, `${label}-site`);
  const html = path.join(work, `${label}-formatter`);
  const ndjson = readdirSync(reports).filter((n) => n.endsWith('.ndjson')).sort().map((n) => path.join(reports, n));
  const files = buildSite(reports, site, kernels); // the bytes the lower bound writes
  const [ours, theirs, floor] = await sideBySide(runs, [() => void buildSite(reports, site, kernels), () => buildFormatter(reports, html), () => lowerBoundBuild(ndjson, files, path.join(work, `${label}-floor`))]);
  const s = bytesOf(site);
  const f = bytesOf(html);
  const ratio = theirs!.median / ours!.median;
  const most = theirs!.median / floor!.median;
  return [
    `${label}: ${scenarios} scenarios × ${streams.length} kernels, ${mb(input.bytes)} of NDJSON (${runs} runs each, in turn)`,
    `  mountspec site             ${range(ours!)}  ${mb(s.bytes).padStart(9)} in ${s.files} files; largest ${s.largest.file} ${mb(s.largest.bytes)}`,
    `  @cucumber/html-formatter   ${range(theirs!)}  ${mb(f.bytes).padStart(9)} in ${f.files} files (one report per stream)`,
    `  lower bound of any build   ${range(floor!)}  reads what a build must read, parses the narratives, writes the same site; renders nothing (docs-build/bench-floor.ts)`,
    `  targets: site ≤ ${mb(TARGETS.siteBytes)}: ${verdict(s.bytes <= TARGETS.siteBytes)}; no page > ${mb(TARGETS.pageBytes)}: ${verdict(s.largest.bytes <= TARGETS.pageBytes)}; build ≥ ${TARGETS.speedup}× faster than html-formatter: ${ratio.toFixed(2)}× (medians), ${verdict(ratio >= TARGETS.speedup)}; the lower bound is ${most.toFixed(2)}× faster than html-formatter, the most any build of this site could be`,
  ];
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { reports: { type: 'string', default: 'reports' }, scenarios: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
  const kernels = profileKernels();
  const runs = Number(values.runs);
  const work = mkdtempSync(path.join(os.tmpdir(), 'mountspec-bench-'));
  try {
    const lines = await measure('spec', values.reports, kernels, runs, work);
    const generated = path.join(work, 'generated');
    writeGrownSuite(loadReports(values.reports, kernels), Number(values.scenarios), generated);
    lines.push(...(await measure('generated', generated, kernels, 1, work)));
    process.stdout.write(`bench: the spec site (node ${process.version}, ${os.cpus().length} cpus, load ${os.loadavg()[0]!.toFixed(1)})\n${lines.join('\n')}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return 0;
}

if (require.main === module) void runCli('bench', () => main(process.argv.slice(2)));
