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
import { writeGrownSuite } from './bench-suite';
import { runCli } from './diagnostics';
import { loadTemplates } from './handlebars';
import { profileKernels } from './index';
import { loadReports } from './load';
import { renderSite } from './pages';
import { transform } from './transform';
import { writeSite } from './write';

const FORMATTER_DIST = path.dirname(require.resolve('@cucumber/html-formatter/package.json'));

function bytesOf(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

async function timed(runs: number, body: () => Promise<void> | void): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
}

/** Our whole pipeline: load, transform, render, write. */
function buildSite(reports: string, out: string, kernels: readonly string[]): void {
  writeSite(out, renderSite(transform(loadReports(reports, kernels)), loadTemplates()));
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

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function measure(label: string, reports: string, kernels: readonly string[], runs: number, work: string): Promise<string[]> {
  const streams = loadReports(reports, kernels);
  const scenarios = Math.max(0, ...streams.map((s) => s.envelopes.filter((e) => e.pickle).length));
  const input = bytesOf(reports);
  const site = path.join(work, `${label}-site`);
  const html = path.join(work, `${label}-formatter`);
  const ours = await timed(runs, () => buildSite(reports, site, kernels));
  const theirs = await timed(runs, () => buildFormatter(reports, html));
  const s = bytesOf(site);
  const f = bytesOf(html);
  return [
    `${label}: ${scenarios} scenarios × ${streams.length} kernels, ${mb(input.bytes)} of NDJSON`,
    `  mountspec site             ${secs(ours).padStart(8)}  ${mb(s.bytes).padStart(9)} in ${s.files} files`,
    `  @cucumber/html-formatter   ${secs(theirs).padStart(8)}  ${mb(f.bytes).padStart(9)} in ${f.files} files (one report per stream)`,
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
    process.stdout.write(`bench (median of ${runs} runs for the spec, 1 for the generated suite; node ${process.version}, ${os.cpus().length} cpus)\n${lines.join('\n')}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return 0;
}

if (require.main === module) void runCli('bench', () => main(process.argv.slice(2)));
