import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { changes } from './baseline';
import { loadTemplates } from './handlebars';
import { loadReports } from './load';
import type { Spec } from './model';
import { reportHtml } from './report';
import { fenced, inline, reportMarkdown } from './report-markdown';
import { runFixture } from './test/fixture-run';
import { brokenLinks } from './test/links';
import { transform } from './transform';
import { tempDir } from './test/temp';

const KERNELS = ['model', 'live'];
let reports = '';
let spec: Spec;
let modelOnly: Spec;

before(async () => {
  reports = await runFixture();
  spec = transform(loadReports(reports, KERNELS));
  const old = tempDir('baseline');
  copyFileSync(path.join(reports, 'model.ndjson'), path.join(old, 'model.ndjson'));
  modelOnly = transform(loadReports(old, KERNELS));
});

describe('report', () => {
  it('should summarise in Markdown: counts, the matrix and every failure with its message', () => {
    const md = reportMarkdown(spec, null);
    assert.match(md, /^## mountspec: 12 of 12 results as the spec claims\n/);
    assert.match(md, /\| ✗ failed as declared \| 1 \| 1 \| 2 \|/);
    assert.match(md, /\| the model gets it wrong and says so `features\/outcomes.feature:16` \| ✗ failed as declared \| ✓ passed \|/);
    assert.match(md, /#### the model gets it wrong and says so on model: ✗ failed as declared\n\n`features\/outcomes.feature:16` · reproduce: `node bin\/mountspec.js reproduce features\/outcomes.feature:16 --kernel model`\n\n```text\nexpected "hang" to exit with status 0/);
    assert.match(md, /Kernel log:\n\n```text\nwatchdog: BUG: soft lockup/);
    assert.ok(!md.includes('### Changed'));
  });

  it('should escape run text for Markdown and fence code that contains backticks', () => {
    assert.match(reportMarkdown(spec, null), /a name with \\<img src=x onerror=alert\(1\)\\> in it/);
    assert.equal(inline('a|b <i>*x*</i>'), 'a\\|b \\<i\\>\\*x\\*\\</i\\>');
    assert.equal(fenced('one ``` two'), '````text\none ``` two\n````');
  });

  it('should list what changed status since a baseline', () => {
    assert.deepEqual(changes(spec, spec), []);
    const diff = changes(spec, modelOnly);
    assert.deepEqual(diff.map((c) => `${c.key} ${c.kernel} ${c.before}→${c.after}`), [
      'features/outcomes.feature:8 live absent→passed',
      'features/outcomes.feature:16 live absent→passed',
      'features/outcomes.feature:25 live absent→not applicable',
      'features/outcomes.feature:33 live absent→not applicable',
      'features/outcomes.feature:41 live absent→failed as declared',
      'features/safety.feature:16 live absent→passed',
    ]);
    assert.match(reportMarkdown(spec, diff), /### Changed since the baseline\n\n- `features\/outcomes.feature:8` passes everywhere on \*\*live\*\*: absent → \*\*passed\*\*/);
  });

  it('should write one self-contained HTML file with the failures expanded', () => {
    const html = reportHtml(spec, { dir: 'old', changes: changes(spec, modelOnly) }, loadTemplates());
    assert.ok(!/<link |\ssrc="/.test(html), 'nothing loaded from outside the file');
    assert.deepEqual(brokenLinks(new Map([['report.html', html]])), [], 'every link stays inside the file');
    assert.match(html, /<style>\/\* mountspec site/);
    assert.match(html, /<script>\/\/ mountspec site/);
    assert.match(html, /<a href="#features-outcomes-feature-L16-model"/);
    assert.match(html, /<details class="run" id="features-outcomes-feature-L16-model" data-kernel="model" data-outcome="failed-as-declared" open>/);
    assert.match(html, /soft lockup/);
    assert.match(html, /<h2 id="changes">Changed since the baseline<\/h2>/);
  });

  it('should write both files from the command line, with --baseline', () => {
    const out = tempDir('report');
    const old = path.join(out, 'old');
    mkdirSync(old);
    copyFileSync(path.join(reports, 'model.ndjson'), path.join(old, 'model.ndjson'));
    const run = spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', path.join(__dirname, 'report.ts'), '--reports', reports, '--out', out, '--baseline', old], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /report: 12 of 12 results as the spec claims; 6 changed since /);
    assert.match(readFileSync(path.join(out, 'report.md'), 'utf8'), /### Changed since the baseline/);
    assert.match(readFileSync(path.join(out, 'report.html'), 'utf8'), /^<!doctype html>/);
  });
});
