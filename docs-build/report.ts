// `npm run report`: the reviewer's report of one run. Writes one
// self-contained HTML file (styles, script and pictures inline; no network)
// and a Markdown summary for a pull-request comment.
//   --reports DIR    the run (default reports)     --out DIR   (default reports)
//   --baseline DIR   an earlier run's reports: show what changed status

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { byArea } from './areas';
import { changes, describeChange, type Change } from './baseline';
import { printWarnings, runCli } from './diagnostics';
import { loadTemplates, type Templates } from './handlebars';
import { buildSpec } from './index';
import type { Spec } from './model';
import { inlineAssets } from './pages';
import { reportMarkdown } from './report-markdown';
import { slug } from './slug';
import { TreeTable } from './tree-data';
import Handlebars from 'handlebars';
import { cellView, countsView, FAILING, filtersView, matrixView } from './views';

/** The report's HTML: failures expanded, every other cell a plain badge. */
export function reportHtml(spec: Spec, diff: readonly Change[] | null, templates: Templates): string {
  const prefix = (uri: string) => `${slug(uri, 20)}-`;
  const failing = (ok: boolean, outcome: string) => FAILING.has(outcome) || !ok;
  const matrix = {
    ...matrixView(spec, spec.features, '', (f, s, k) => {
      const c = s.cells.find((x) => x.kernel === k);
      return c && failing(c.ok, c.outcome) ? `#${prefix(f.uri)}${s.anchor}-${k}` : null;
    }, false),
    columns: spec.kernels.length + 1,
  };
  const trees = new TreeTable();
  // In the matrix's order: by area (areas.ts).
  const failures = byArea(spec.features).flatMap((a) => a.features).flatMap((f) =>
    f.scenarios.flatMap((s) =>
      s.cells.flatMap((c, i) =>
        failing(c.ok, c.outcome) ? [{ name: `${s.name} on ${spec.kernels[i]?.label ?? c.kernel}`, key: s.key, tags: s.tags, cell: cellView(s, c, spec.kernels[i] ?? { id: c.kernel, label: c.kernel, description: null }, trees, prefix(f.uri)) }] : [],
      ),
    ),
  );
  return templates.render('report', {
    page: { title: 'mountspec run report', root: '', home: '#', kernels: spec.kernels, inline: inlineAssets(), trees: trees.size ? new Handlebars.SafeString(trees.json()) : null, nav: [{ href: '#matrix', text: 'Matrix', current: false }, { href: '#failures', text: 'Failures', current: false }] },
    // The report quotes no passage: its counts name none.
    counts: { ...countsView(spec), citations: 0 },
    filters: filtersView(spec),
    matrix,
    failures,
    baseline: diff ? { changes: diff.map(describeChange) } : null,
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { reports: { type: 'string', default: 'reports' }, out: { type: 'string', default: 'reports' }, baseline: { type: 'string' } } });
  const { spec, streams } = buildSpec(values.reports);
  printWarnings(streams);
  let diff: Change[] | null = null;
  if (values.baseline !== undefined) {
    const old = buildSpec(values.baseline);
    printWarnings(old.streams);
    diff = changes(spec, old.spec);
  }
  mkdirSync(values.out, { recursive: true });
  const html = path.join(values.out, 'report.html');
  const md = path.join(values.out, 'report.md');
  writeFileSync(html, reportHtml(spec, diff, loadTemplates()));
  writeFileSync(md, reportMarkdown(spec, diff));
  const counts = countsView(spec);
  process.stdout.write(`report: ${counts.asClaimed} of ${counts.cells} results as the spec claims${diff ? `; ${diff.length} changed since ${values.baseline}` : ''}\nreport: wrote ${html} and ${md}\n`);
  return 0;
}

if (require.main === module) void runCli('report', () => main(process.argv.slice(2)));
