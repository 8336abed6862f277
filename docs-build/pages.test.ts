import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { build } from './index';
import { loadTemplates } from './handlebars';
import { loadReports } from './load';
import { renderSite } from './pages';
import { runFixture } from './test/fixture-run';
import { brokenLinks } from './test/links';
import { transform } from './transform';
import { writeSite } from './write';
import { tempDir } from './test/temp';

const KERNELS = ['model', 'live'];
let reports = '';
let files: Map<string, string>;

function site(dir: string): Map<string, string> {
  return renderSite(transform(loadReports(dir, KERNELS)), loadTemplates());
}

function readTree(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) for (const [k, v] of readTree(dir, rel)) out.set(k, v);
    else out.set(rel, readFileSync(path.join(dir, rel), 'utf8'));
  }
  return out;
}

before(async () => {
  reports = await runFixture();
  files = site(reports);
});

describe('pages', () => {
  it('should write an index, a citations page, a page per feature and the assets', () => {
    assert.deepEqual([...files.keys()].sort(), ['assets/favicon.svg', 'assets/mount-tree.js', 'assets/site.css', 'assets/site.js', 'citations.html', 'features/outcomes.html', 'features/safety.html', 'index.html', 'search-index.js']);
  });

  it('should show a feature containing <script> as text, in every place it appears', () => {
    const page = files.get('features/safety.html') ?? '';
    const index = files.get('index.html') ?? '';
    for (const html of [page, index]) {
      assert.ok(!/<script>alert|<img src=x|javascript:/i.test(html), 'unescaped feature text');
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      assert.ok(scripts.length >= 1);
      for (const tag of scripts) assert.match(tag, /^<script (src="(\.\.\/)*assets\/(mount-tree|site)\.js" defer|type="application\/json" id="mount-tree-data")>$/, 'only our own script tags');
    }
    assert.match(page, /<title>Safety &lt;script&gt;alert\(&quot;feature&quot;\)&lt;\/script&gt; · mountspec<\/title>/);
    assert.match(page, /Prose with raw HTML &#x3C;script>alert\("narrative"\)&#x3C;\/script>/);
    assert.match(page, /a name with &lt;img src&#x3D;x onerror&#x3D;alert\(1\)&gt; in it/);
    assert.match(page, /<pre class="docstring" tabindex="0"># echo &lt;\/pre&gt;&lt;script&gt;/);
  });

  it('should link every cell of the matrix to that run on its feature page', () => {
    const index = files.get('index.html') ?? '';
    // The column says the kernel (site.js reads it from the header); the class the outcome.
    assert.match(index, /<td class="o-failed-as-declared"><a href="features\/outcomes.html#L16-model">✗ failed as declared<\/a><\/td>/);
    assert.ok(!index.includes('data-ok="false"'), 'every result of the fixture is as claimed');
    assert.match(index, /<th scope="col" data-kernel="live" title="live kernel 9.9.9-fixture">live 9.9.9-fixture<\/th>/);
  });

  it('should show a failed run: its step and message, the terminal, the kernel log and the trees', () => {
    const page = files.get('features/outcomes.html') ?? '';
    const run = page.slice(page.indexOf('<details class="run" id="L16-model"'), page.indexOf('</details>', page.indexOf('id="L16-model"')));
    assert.match(run, /^<details class="run" id="L16-model" data-kernel="model" data-outcome="failed-as-declared" open>/);
    assert.match(run, /<a href="#L16-L22">Then &quot;hang&quot; exits with status 0<\/a>/);
    assert.match(run, /<pre class="message" tabindex="0">expected &quot;hang&quot; to exit with status 0/);
    assert.match(run, /<b id="L16-model-L\d+">hang<\/b> <i class="note-stuck">\[never returned: the shell is stuck\]<\/i>/);
    assert.match(run, /<h3>Kernel log, modelled<\/h3>/);
    assert.match(run, /<pre class="kernel-log modelled" tabindex="0">watchdog: BUG: soft lockup - <span class="invented" title="made up by the model, not captured">CPU#0<\/span> stuck for <span class="invented"[^>]*>22s!<\/span> <span class="invented"[^>]*>\[hang:2\]<\/span>/);
    // Only the figure, its caption and the tree's number: site.js draws it (and names its scroll region) when the run is opened.
    assert.equal((run.match(/<figure class="tree" id="L16-model-L\d+-tree"><figcaption>after <a href="#L16-model-L\d+"><code># [^<]+<\/code><\/a><\/figcaption><div class="svg-wrap" data-tree="\d+" data-before="-?\d+"><\/div><\/figure>/g) ?? []).length, 2, 'two trees, drawn from the page data');
    assert.match(page, /<script type="application\/json" id="mount-tree-data">\{"m":\[\[/);
  });

  it('should show the live kernel its mountinfo tables instead of trees', () => {
    const page = files.get('features/outcomes.html') ?? '';
    const run = page.slice(page.indexOf('id="L8-live"'), page.indexOf('</details>', page.indexOf('id="L8-live"')));
    assert.ok(!run.includes('data-tree'));
    assert.match(run, /<pre class="mountinfo-text" tabindex="0">[^<]*\n4 2 \S+ \/ \/mnt /);
  });

  it('should explain a cell that does not apply', () => {
    assert.match(files.get('features/outcomes.html') ?? '', /Written for model alone \(@only-on\): it does not apply to live\./);
  });

  it('should list each citation with links back to the scenarios citing it', () => {
    const page = files.get('citations.html') ?? '';
    assert.match(page, /<figure class="citation" id="cite-users-are-expected-to-move-mount">/);
    assert.match(page, /<a href="features\/outcomes.html#L16">Outcomes › the model gets it wrong and says so<\/a>/);
    assert.match(files.get('features/outcomes.html') ?? '', /<a class="cited-by" href="..\/citations.html#cite-users-are-expected-to-move-mount">cited by 5 scenarios<\/a>/);
  });

  it('should list each source message once, saying when its link is only an archive search', () => {
    const page = files.get('citations.html') ?? '';
    const sources = page.slice(page.indexOf('<ul class="sources">'), page.indexOf('</ul>', page.indexOf('<ul class="sources">')));
    assert.equal((sources.match(/<li id="source-\d+">/g) ?? []).length, 1, 'one message, listed once');
    assert.match(sources, /<cite>Re: \[PATCH\] a subject<\/cite>: no link to the message itself is known, so the spec links <a href="https:\/\/lore.kernel.org\/lkml\/\?q&#x3D;a">a search of the archive for it<\/a>/);
    // Each passage's own attribution keeps its link, and says what it is.
    const entries = page.slice(page.indexOf('<article class="citation-entry"'));
    const searches = (entries.match(/<a href="https:\/\/lore\.kernel\.org\/lkml\/\?q=a">[^<]*<\/a> \(an archive search: no direct link to the message is known\)/g) ?? []).length;
    assert.ok(searches > 0 && searches === (entries.match(/lore\.kernel\.org/g) ?? []).length, 'every archive link of an entry is said to be a search');
  });

  it('should have no broken link or fragment anywhere', () => {
    assert.deepEqual(brokenLinks(files), []);
  });

  it('should be byte-identical for the same streams, and for a rerun of the same suite', async () => {
    assert.deepEqual(site(reports), files);
    const rerun = await runFixture();
    assert.notEqual(readFileSync(path.join(rerun, 'model.ndjson'), 'utf8'), readFileSync(path.join(reports, 'model.ndjson'), 'utf8'));
    // Only the run's start time may differ (it is shown to the minute).
    const sameRun = (m: Map<string, string>) => new Map([...m].map(([k, v]) => [k, v.replace(/<dt>Run<\/dt><dd><code>[^<]*<\/code>/, '<dt>Run</dt><dd>')]));
    assert.deepEqual(sameRun(site(rerun)), sameRun(files));
  });

  it('should carry no message ids, timestamps or durations', () => {
    for (const [name, text] of files) {
      assert.ok(!/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.test(text), `${name} has a message id`);
      assert.ok(!/"?(seconds|nanos)"?\s*[:=]/.test(text), `${name} has a timestamp`);
    }
  });

  it('should write the site to disk, replacing only a directory it wrote before', () => {
    const out = path.join(tempDir('site'), 'site');
    build({ reports, out, kernels: KERNELS });
    assert.deepEqual(readTree(out), new Map([...files, ['.mountspec-site', readFileSync(path.join(out, '.mountspec-site'), 'utf8')]]));
    build({ reports, out, kernels: KERNELS });
    const foreign = tempDir('foreign');
    mkdirSync(path.join(foreign, 'keep'));
    writeFileSync(path.join(foreign, 'keep', 'me.txt'), 'mine');
    assert.throws(() => writeSite(foreign, files), /refusing to replace/);
    assert.equal(readFileSync(path.join(foreign, 'keep', 'me.txt'), 'utf8'), 'mine');
  });
});
