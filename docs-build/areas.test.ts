import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { areaOf, areaTitle, byArea, compareAreas, KNOWN_AREAS, NO_AREA } from './areas';
import { loadTemplates } from './handlebars';
import { loadReports } from './load';
import type { Spec } from './model';
import { renderSite } from './pages';
import { reportHtml } from './report';
import { FIXTURE, FIXTURE_KERNELS, runToNdjson } from './test/fixture-run';
import { brokenLinks } from './test/links';
import { tempDir } from './test/temp';
import { transform } from './transform';
import { areasView } from './views';

describe('areas', () => {
  it('should take the folder directly under features/ as the area', () => {
    assert.equal(areaOf('features/thread/close-then-mount.feature'), 'thread');
    assert.equal(areaOf('features/new-mount-api/move-mount.feature'), 'new-mount-api');
    assert.equal(areaOf('./features/umount/lazy.feature'), 'umount');
    assert.equal(areaOf('features\\propagation\\bind.feature'), 'propagation');
    assert.equal(areaOf('features/copy-3/thread/x.feature'), 'copy-3');
    assert.equal(areaOf('features/loose.feature'), NO_AREA);
    assert.equal(areaOf('elsewhere/thread/x.feature'), NO_AREA);
  });

  it('should title the known areas, and any other by its folder name', () => {
    assert.deepEqual(KNOWN_AREAS.map((a) => a.folder), ['thread', 'umount', 'bind-move', 'new-mount-api', 'fs-context', 'propagation', 'namespaces', 'mount-setattr', 'move-mount-flags', 'detached-trees', 'statmount', 'explorer', 'shell']);
    assert.equal(areaTitle('thread'), 'The LKML thread');
    assert.equal(areaTitle('new-mount-api'), 'The new mount API (open_tree, move_mount)');
    assert.equal(areaTitle('fuzz'), 'fuzz');
    assert.equal(areaTitle(NO_AREA), 'Other features');
  });

  it("should know a title for every area of the spec's own features/ (a new folder needs one, or the site shows its bare name)", () => {
    const folders = readdirSync(path.join(__dirname, '..', 'features'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.ok(folders.length > 5, `features/ is there (${folders.join(', ')})`);
    assert.deepEqual(folders.filter((f) => !KNOWN_AREAS.some((a) => a.folder === f)), []);
  });

  it('should order the known areas first, then the others by name, then features outside any area', () => {
    const folders = ['shell', 'fuzz', NO_AREA, 'umount', 'attic', 'thread', 'namespaces', 'bind-move', 'propagation', 'new-mount-api', 'Zeta'];
    assert.deepEqual([...folders].sort(compareAreas), ['thread', 'umount', 'bind-move', 'new-mount-api', 'propagation', 'namespaces', 'shell', 'Zeta', 'attic', 'fuzz', NO_AREA]);
  });

  it('should group features by area, keeping their order within it, with a unique anchor per area', () => {
    const uris = ['features/bind-move/b.feature', 'features/fuzz/f.feature', 'features/other/o.feature', 'features/loose.feature', 'features/thread/z.feature', 'features/thread/a.feature', 'features/umount/u.feature', 'features/bind-move/a.feature'];
    const areas = byArea(uris.map((uri) => ({ uri })));
    assert.deepEqual(
      areas.map((a) => [a.anchor, a.title, a.features.map((f) => f.uri)]),
      [
        ['area-thread', 'The LKML thread', ['features/thread/z.feature', 'features/thread/a.feature']],
        ['area-umount', 'umount2 and lazy unmount', ['features/umount/u.feature']],
        ['area-bind-move', 'Bind and move', ['features/bind-move/b.feature', 'features/bind-move/a.feature']],
        ['area-fuzz', 'fuzz', ['features/fuzz/f.feature']],
        ['area-other', 'other', ['features/other/o.feature']],
        ['area-other-2', 'Other features', ['features/loose.feature']],
      ],
    );
    assert.deepEqual(byArea([]), []);
  });
});

// A suite spread over areas, run through cucumber's API with the fixture's
// steps: two known areas (given out of order), two unknown ones, and a
// feature right in features/.
const FEATURES: Record<string, string> = {
  'features/attic/old.feature': 'Feature: Old\n\n  Scenario: still passes\n    When the shell session runs:\n      """\n      # echo old\n      """\n    Then "echo old" exits with status 0\n',
  'features/fuzz/found.feature': 'Feature: Found by the fuzzer\n\n  Scenario: a shrunk transcript\n    When the shell session runs:\n      """\n      # echo shrunk\n      """\n    Then "echo shrunk" exits with status 0\n',
  'features/loose.feature': 'Feature: Loose\n\n  Scenario: in no area\n    When the shell session runs:\n      """\n      # echo loose\n      """\n    Then "echo loose" exits with status 0\n',
  'features/thread/close.feature':
    'Feature: Close\n\n  Scenario: passes everywhere\n    When the shell session runs:\n      """\n      # mount -t tmpfs none /mnt\n      """\n    Then "mount -t tmpfs none /mnt" exits with status 0\n\n' +
    '  Scenario: the live kernel disagrees, undeclared\n    When the shell session runs:\n      """\n      # drift\n      """\n    Then "drift" exits with status 0\n',
  'features/thread/ebusy.feature': 'Feature: EBUSY\n\n  Scenario: busy\n    When the shell session runs:\n      """\n      # echo busy\n      """\n    Then "echo busy" exits with status 0\n',
  'features/umount/lazy.feature':
    'Feature: Lazy\n\n  Scenario: passes everywhere\n    When the shell session runs:\n      """\n      # echo lazy\n      """\n    Then "echo lazy" exits with status 0\n\n' +
    '  @fails-on:model\n  Scenario: the model gets it wrong and says so\n    When the shell session runs:\n      """\n      # hang\n      """\n    Then "hang" exits with status 0\n',
};

function runAreaSuite(suite: string): Promise<string> {
  return runToNdjson(tempDir('areas-reports'), FIXTURE_KERNELS, suite, (kernel) => ({
    paths: ['features/**/*.feature'],
    require: [path.join(FIXTURE, 'steps.ts')],
    requireModule: ['ts-node/register/transpile-only'],
    worldParameters: { kernel },
  }));
}

/** The matrix's tbodies in order: `head <area>` or `group <area> <feature>`. */
function matrixOutline(html: string): string[] {
  return [...html.matchAll(/<tbody data-area-head="([^"]+)">|<tbody data-group data-area="([^"]+)">\s*<tr class="group"><th scope="rowgroup" colspan="\d+">(?:<a [^>]*>)?([^<]*)/g)].map((m) => (m[1] !== undefined ? `head ${m[1]}` : `group ${m[2]} ${m[3]}`));
}

describe('areas on the site', () => {
  let suite = '';
  let reports = '';
  let spec: Spec;
  let files: Map<string, string>;
  const site = (dir: string) => renderSite(transform(loadReports(dir, FIXTURE_KERNELS)), loadTemplates());

  before(async () => {
    suite = tempDir('areas-suite');
    for (const [uri, text] of Object.entries(FEATURES)) {
      mkdirSync(path.dirname(path.join(suite, uri)), { recursive: true });
      writeFileSync(path.join(suite, uri), text);
    }
    reports = await runAreaSuite(suite);
    spec = transform(loadReports(reports, FIXTURE_KERNELS));
    files = site(reports);
  });

  it('should count each area on the index: features, scenarios, results as the spec claims', () => {
    assert.deepEqual(areasView(spec), [
      { title: 'The LKML thread', href: '#area-thread', features: 2, scenarios: 3, cells: 6, asClaimed: 5, notAsClaimed: 1 },
      { title: 'umount2 and lazy unmount', href: '#area-umount', features: 1, scenarios: 2, cells: 4, asClaimed: 4, notAsClaimed: 0 },
      { title: 'attic', href: '#area-attic', features: 1, scenarios: 1, cells: 2, asClaimed: 2, notAsClaimed: 0 },
      { title: 'fuzz', href: '#area-fuzz', features: 1, scenarios: 1, cells: 2, asClaimed: 2, notAsClaimed: 0 },
      { title: 'Other features', href: '#area-other', features: 1, scenarios: 1, cells: 2, asClaimed: 2, notAsClaimed: 0 },
    ]);
    const index = files.get('index.html') ?? '';
    assert.ok(index.indexOf('<h2 id="areas">Areas</h2>') < index.indexOf('<h2 id="matrix">'), 'the areas come before the matrix');
    assert.match(index, /<tr><th scope="row"><a href="#area-thread">The LKML thread<\/a><\/th><td>2<\/td><td>3<\/td><td>5 of 6; <strong class="bad">1 not as claimed<\/strong><\/td><\/tr>/);
    assert.match(index, /<tr><th scope="row"><a href="#area-umount">umount2 and lazy unmount<\/a><\/th><td>1<\/td><td>2<\/td><td>4 of 4<\/td><\/tr>/);
  });

  it('should head each area in the index matrix, known areas first, features in their order', () => {
    assert.deepEqual(matrixOutline(files.get('index.html') ?? ''), [
      'head area-thread',
      'group area-thread Close',
      'group area-thread EBUSY',
      'head area-umount',
      'group area-umount Lazy',
      'head area-attic',
      'group area-attic Old',
      'head area-fuzz',
      'group area-fuzz Found by the fuzzer',
      'head area-other',
      'group area-other Loose',
    ]);
    assert.match(files.get('index.html') ?? '', /<tr class="area"><th scope="rowgroup" colspan="3" id="area-thread">The LKML thread <code class="key">features\/thread\/<\/code><\/th><\/tr>/);
    assert.deepEqual(brokenLinks(files), []);
  });

  it('should show no area heading on a feature page, and may in the report', () => {
    assert.deepEqual(matrixOutline(files.get('features/thread/close.html') ?? ''), ['group area-thread Close']);
    const report = reportHtml(spec, null, loadTemplates());
    assert.deepEqual(matrixOutline(report).filter((t) => t.startsWith('head ')), ['head area-thread', 'head area-umount', 'head area-attic', 'head area-fuzz', 'head area-other']);
    assert.deepEqual(brokenLinks(new Map([['report.html', report]])), []);
  });

  it('should link a single area to the matrix, which has no area heading', () => {
    const thread = { ...spec, features: spec.features.filter((f) => f.uri.startsWith('features/thread/')) };
    assert.deepEqual(areasView(thread).map((a) => a.href), ['#matrix']);
    const pages = renderSite(thread, loadTemplates());
    assert.ok(!(pages.get('index.html') ?? '').includes('data-area-head'));
    assert.deepEqual(brokenLinks(pages), []);
  });

  it('should be byte-identical for a rerun of the same suite', async () => {
    assert.deepEqual(site(reports), files);
    // Only the run's start time may differ (it is shown to the minute).
    const sameRun = (m: Map<string, string>) => new Map([...m].map(([k, v]) => [k, v.replace(/<dt>Run<\/dt><dd><code>[^<]*<\/code>/, '<dt>Run</dt><dd>')]));
    assert.deepEqual(sameRun(site(await runAreaSuite(suite))), sameRun(files));
  });
});
