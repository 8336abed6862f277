import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { changes, describeChange } from './baseline';
import { loadTemplates } from './handlebars';
import { loadReports } from './load';
import type { Cell, Scenario, Spec } from './model';
import { reportHtml } from './report';
import { fenced, inline, MAX_CHARS, reportMarkdown } from './report-markdown';
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

/** A copy of the spec with each scenario of features/outcomes.feature edited (null drops it), `copies` times over. */
function edit(base: Spec, fn: (s: Scenario) => Scenario | null, copies = 1, cell: (c: Cell) => Cell = (c) => c): Spec {
  return {
    ...base,
    features: base.features.flatMap((f) =>
      Array.from({ length: f.uri.endsWith('outcomes.feature') ? copies : 1 }, (_, i) => ({
        ...f,
        uri: i ? f.uri.replace('.feature', `-${i}.feature`) : f.uri,
        scenarios: f.scenarios.flatMap((s) => {
          if (!f.uri.endsWith('outcomes.feature')) return [s];
          const e = fn(s);
          return e ? [{ ...e, cells: e.cells.map(cell) }] : [];
        }),
      })),
    ),
  };
}

describe('report', () => {
  it('should summarise in Markdown: results not as claimed first, counts, then the matrix and the declared failures collapsed', () => {
    const md = reportMarkdown(spec, null);
    assert.match(md, /^## mountspec: 12 of 12 results as the spec claims\n/);
    assert.match(md, /is `report\.html`\./);
    assert.ok(!md.includes('### Not as the spec claims'), 'nothing to say when all is as claimed');
    assert.match(md, /\| ✗ failed as declared \| 1 \| 1 \| 2 \|/);
    assert.match(md, /<details><summary>Matrix: 6 scenarios × 2 kernels<\/summary>\n\n\| scenario \| model \| live/);
    assert.match(md, /\| the model gets it wrong and says so `features\/outcomes.feature:16` \| ✗ failed as declared \| ✓ passed \|/);
    assert.match(md, /<details><summary>Failures the spec declares \(2\): each failed as claimed<\/summary>\n\n#### the model gets it wrong and says so on model: ✗ failed as declared\n\n`features\/outcomes.feature:16` · reproduce: `node bin\/mountspec.js reproduce features\/outcomes.feature:16 --kernel model`\n\n```text\nexpected "hang" to exit with status 0/);
    assert.match(md, /Kernel log \(modelled\):\n\n```text\nwatchdog: BUG: soft lockup/);
    assert.ok(!md.includes('### Changed'));
    assert.ok(!md.includes(reports) && !md.includes(os.tmpdir()), 'no local path');
  });

  it("should list the matrix's features in the site's order: by area, the thread first", () => {
    const [first, second] = spec.features;
    assert.ok(first && second, 'two features in the fixture');
    const inAreas = { ...spec, features: [{ ...first, uri: 'features/umount/a.feature', name: 'the umount one' }, { ...second, uri: 'features/thread/b.feature', name: 'the thread one' }] };
    const md = reportMarkdown(inAreas, null);
    assert.ok(md.indexOf('| **the thread one** |') !== -1 && md.indexOf('| **the thread one** |') < md.indexOf('| **the umount one** |'), md.slice(md.indexOf('Matrix'), md.indexOf('Matrix') + 400));
  });

  it('should put results not as claimed before everything else', () => {
    const wrong = edit(spec, (s) => (s.line === 8 ? { ...s, cells: s.cells.map((c) => ({ ...c, outcome: 'failed undeclared' as const, ok: false, message: 'it broke' })) } : s));
    const md = reportMarkdown(wrong, []);
    assert.match(md, /^## mountspec: 10 of 12 results as the spec claims, \*\*2 not\*\*\n/);
    assert.ok(md.indexOf('### Not as the spec claims (2)') < md.indexOf('### Changed since the baseline'));
    assert.ok(md.indexOf('### Changed since the baseline') < md.indexOf('### Counts'));
    assert.match(md, /### Not as the spec claims \(2\)\n\n#### passes everywhere on model: ✗! failed undeclared \*\*\(not as claimed\)\*\*/);
  });

  it('should escape run text for Markdown and fence code that contains backticks', () => {
    assert.match(reportMarkdown(spec, null), /a name with \\<img src=x onerror=alert\(1\)\\> in it/);
    assert.equal(inline('a|b <i>*x*</i>'), 'a\\|b \\<i\\>\\*x\\*\\</i\\>');
    assert.equal(fenced('one ``` two'), '````text\none ``` two\n````');
  });

  it('should see no change in a scenario that only moved, and list one whose outcome changed', () => {
    assert.deepEqual(changes(spec, spec), []);
    const moved = edit(spec, (s) => ({ ...s, line: s.line + 5, key: `${s.uri}:${s.line + 5}`, anchor: `L${s.line + 5}` }));
    assert.deepEqual(changes(spec, moved), [], 'moved, not changed');
    const flipped = edit(moved, (s) => (s.line === 13 ? { ...s, cells: s.cells.map((c) => (c.kernel === 'live' ? { ...c, outcome: 'failed undeclared' as const } : c)) } : s));
    assert.deepEqual(changes(spec, flipped).map(describeChange), ['features/outcomes.feature:8 "passes everywhere" on live: failed undeclared → passed']);
  });

  it('should show a renamed scenario whose steps match as renamed, and others as added and removed', () => {
    const renamed = edit(spec, (s) => (s.line === 8 ? { ...s, name: 'passes on every kernel' } : s));
    assert.deepEqual(changes(spec, renamed).map(describeChange), ['features/outcomes.feature:8 renamed: "passes on every kernel" → "passes everywhere" (same steps)']);
    const gone = edit(spec, (s) => (s.line === 8 ? null : s));
    assert.deepEqual(changes(spec, gone).map(describeChange), ['features/outcomes.feature:8 "passes everywhere" added: passed on model, live']);
    assert.deepEqual(changes(gone, spec).map(describeChange), ['features/outcomes.feature:8 "passes everywhere" removed: passed on model, live']);
  });

  it('should say a kernel added or removed in one line, not one per scenario', () => {
    assert.deepEqual(changes(spec, modelOnly).map(describeChange), ['kernel live added (6 scenarios run on it)']);
    assert.deepEqual(changes(modelOnly, spec).map(describeChange), ['kernel live removed (it had 6 scenarios)']);
    assert.match(reportMarkdown(spec, changes(spec, modelOnly)), /### Changed since the baseline\n\n- kernel live added \(6 scenarios run on it\)\n\n### Counts/);
  });

  it('should never exceed 60,000 characters: cut between items, every <details> and fence closed, pointing to report.html', () => {
    const long = 'x'.repeat(2_000);
    const many = edit(spec, (s) => s, 200, (c) => ({ ...c, outcome: 'failed undeclared' as const, ok: false, message: `${long}\n\`\`\`` }));
    const whole = reportMarkdown(many, null, Infinity);
    assert.ok(whole.length > 2 * MAX_CHARS, `the test needs a long summary (${whole.length})`);
    const md = reportMarkdown(many, null);
    assert.ok(md.length <= MAX_CHARS, `${md.length} characters`);
    assert.match(md, /_Cut here to stay under 60,000 characters \(the whole summary is [\d,]+\): `report\.html`, written beside this file, has everything\._\n$/);
    assert.equal((md.match(/<details>/g) ?? []).length, (md.match(/<\/details>/g) ?? []).length);
    assert.equal((md.match(/^````text$/gm) ?? []).length, (md.match(/^````$/gm) ?? []).length, 'no fence left open');
    assert.match(md, /^## mountspec: /);
    for (const max of [500, 5_000, 20_000]) assert.ok(reportMarkdown(many, null, max).length <= max, `cap ${max}`);
  });

  it('should write one self-contained HTML file with the failures expanded', () => {
    const html = reportHtml(spec, changes(spec, modelOnly), loadTemplates());
    assert.ok(!/<link (?!rel="icon" href="data:)|\ssrc="/.test(html), 'nothing loaded from outside the file (the icon is a data: URL)');
    assert.deepEqual(brokenLinks(new Map([['report.html', html]])), [], 'every link stays inside the file');
    assert.match(html, /<style>\/\* mountspec site/);
    assert.match(html, /<script>\/\/ mountspec site/);
    assert.match(html, /<a href="#features-outcomes-feature-L16-model"/);
    assert.match(html, /<details class="run" id="features-outcomes-feature-L16-model" data-kernel="model" data-outcome="failed-as-declared" open>/);
    assert.match(html, /soft lockup/);
    assert.match(html, /<h2 id="changes">Changed since the baseline<\/h2>/);
    assert.match(html, /<li>kernel live added \(6 scenarios run on it\)<\/li>/);
    assert.ok(!/citation/.test(html.replace(/<script>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '')), 'the report quotes none, so it counts none');
  });

  it('should write both files from the command line, with --baseline', () => {
    const out = tempDir('report');
    const old = path.join(out, 'old');
    mkdirSync(old);
    copyFileSync(path.join(reports, 'model.ndjson'), path.join(old, 'model.ndjson'));
    const run = spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', path.join(__dirname, 'report.ts'), '--reports', reports, '--out', out, '--baseline', old], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /report: 12 of 12 results as the spec claims; 1 changed since /);
    assert.match(readFileSync(path.join(out, 'report.md'), 'utf8'), /### Changed since the baseline/);
    assert.match(readFileSync(path.join(out, 'report.html'), 'utf8'), /^<!doctype html>/);
  });
});
