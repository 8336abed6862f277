// The site in a real browser (Debian's chromium through playwright-core),
// served under a sub-path as GitHub Pages publishes it (/mountspec/), on a
// desktop and a 390 px phone, light and dark: the thread's table on the
// index, filters, a run with its soft lockup and trees, a slave drawn as a
// slave, the largest tree with no label over another, search, citations,
// the Reproduce line leaving reports/ alone, and axe-core finding no
// violation of any impact. Skips, saying why, without /usr/bin/chromium.
//
// The site is built from a few features, those the tests below look at, on
// the model kernels: axe's time grows with a page's size (a site of the
// whole spec took it 24 s a page, 290 s in all), and what it judges is the
// templates and the stylesheet, which these features use every part of
// (every outcome's badge is in the index's legend).

import axeCore, { type AxeResults, type ElementContext, type RunOptions } from 'axe-core';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadTemplates } from './handlebars';
import { build } from './index';
import { reportHtml } from './report';
import { serve } from './serve';
import { runToNdjson } from './test/fixture-run';
import { tempDir } from './test/temp';

// Debian's chromium; MOUNTSPEC_CHROMIUM names another binary.
const CHROMIUM = process.env.MOUNTSPEC_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..');
// The model kernels only: the live one needs root and a mount namespace, and npm test runs it in test:spec.
const KERNELS = ['v12', 'v12-move-fix', 'v12-both-fixes', 'mainline'];
const SCENARIO = 'features/thread/close-then-mount.feature:41';
/** The features the site is built from: what each test needs (add one here when a test needs another). */
const FEATURES = [
  'features/thread/close-then-mount.feature', // the soft lockup, its trees, citations, stories, Reproduce
  'features/thread/mount-then-close.feature', // the second lockup: two stories, a search with several results
  'features/shell/errors.feature', // a row that passes everywhere (filters)
  'features/propagation/mount-states.feature', // a slave drawn as a slave
  'features/namespaces/user-namespaces.feature', // the largest tree
  'features/umount/lazy.feature', // the umount area (area headings and search)
  'features/explorer/answers.feature', // a third area; dissolve_on_fput in its narrative
];
// Kept after the run (the site itself is temporary), overwritten by the next one.
const SHOTS = process.env.MOUNTSPEC_SCREENSHOTS ?? path.join(os.tmpdir(), 'mountspec-browser-test');
const skip = existsSync(CHROMIUM) ? false : `no ${CHROMIUM}: apt-get install chromium to run the browser test`;
const BASE = '/mountspec/';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
type Viewport = typeof DESKTOP;
const TREE_SVG = 'svg.mount-tree';
/** The axe rules that judge colours (axe-core 4.13's default set), all that a theme can change. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

describe('browser', { skip, timeout: 1_200_000 }, () => {
  let browser: Browser;
  let server: Server;
  let reportServer: Server;
  let url = '';
  let reportUrl = '';
  let work = '';

  before(async () => {
    work = tempDir('browser');
    const reports = await runToNdjson(path.join(work, 'reports'), KERNELS, ROOT, (kernel) => ({ profiles: [kernel], paths: FEATURES }));
    const { spec } = build({ reports, out: path.join(work, 'site'), kernels: KERNELS });
    mkdirSync(path.join(work, 'report'));
    writeFileSync(path.join(work, 'report', 'report.html'), reportHtml(spec, null, loadTemplates()));
    ({ server, url } = await serve(path.join(work, 'site'), 0, BASE));
    ({ server: reportServer, url: reportUrl } = await serve(path.join(work, 'report')));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });

  after(async () => {
    await browser?.close();
    server?.close();
    reportServer?.close();
  });

  async function open(address: string, colorScheme: 'light' | 'dark' = 'light', viewport: Viewport = DESKTOP): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport, colorScheme, isMobile: viewport === PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // Nothing may leave loopback: the site works offline.
    await page.route((u) => !u.href.startsWith(url) && !u.href.startsWith(reportUrl), (route) => {
      errors.push(`network request to ${route.request().url()}`);
      return route.abort();
    });
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} for ${r.url()}`));
    await page.goto(address);
    return { page, errors };
  }

  /**
   * axe-core run in the page itself, its source injected once (through
   * @axe-core/playwright it was injected four times a page, and all its
   * results came back: most of its time on a large page).
   */
  async function axe(page: Page, runs: readonly { context: ElementContext; options: RunOptions }[]): Promise<AxeResults[]> {
    assert.equal(page.frames().length, 1, 'no frames: axe run in the page would not look into them');
    await page.evaluate(axeCore.source);
    // As JSON both ways: playwright's types for these nested objects are too deep for tsc.
    const json = await page.evaluate(async (all: string) => {
      const { axe } = window as unknown as { axe: typeof axeCore };
      const results: unknown[] = [];
      for (const { context, options } of JSON.parse(all) as { context: ElementContext; options: RunOptions }[]) results.push(await axe.run(context, options));
      return JSON.stringify(results);
    }, JSON.stringify(runs));
    return JSON.parse(json) as AxeResults[];
  }

  /**
   * Every axe rule, asked for violations only; color-contrast leaves out the
   * trees' SVG text, which it cannot judge (see the test of that below) and
   * which cost it two thirds of its time. In the dark theme only the rules
   * that judge colours run: the theme changes colours and nothing else (the
   * test of site.css below), so every other rule finds what it found in the
   * light theme (the other rules are about half of a page's axe time).
   */
  async function violations(page: Page, scheme: 'light' | 'dark' = 'light'): Promise<string[]> {
    const colours: { context: ElementContext; options: RunOptions } = { context: { exclude: [[TREE_SVG]] }, options: { resultTypes: ['violations'], runOnly: COLOUR_RULES } };
    const results = await axe(page, scheme === 'dark' ? [colours] : [{ context: { exclude: [] }, options: { resultTypes: ['violations'], rules: Object.fromEntries(COLOUR_RULES.map((r) => [r, { enabled: false }])) } }, colours]);
    return results.flatMap((r) => r.violations).map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(' ')}`);
  }

  /** Opens every run on the page, so that its trees are drawn (they are drawn when a reader opens one). */
  async function openAllRuns(page: Page): Promise<void> {
    await page.evaluate(() => document.querySelectorAll('details.run').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.waitForFunction(() => document.querySelectorAll('[data-tree]:not([data-drawn])').length === 0);
  }

  it('should filter to failures, open close-then-mount on v12 and show the soft lockup and the trees', async (t) => {
    const { page, errors } = await open(`${url}index.html`);
    const row = page.locator(`tr[data-key="${SCENARIO}"]`);
    const passingOnly = page.locator('tr[data-key="features/shell/errors.feature:9"]');
    await page.selectOption('select[name="status"]', 'failed');
    assert.equal(await row.isVisible(), true);
    assert.equal(await passingOnly.isVisible(), false);
    assert.match((await page.locator('[data-filter-count]').textContent()) ?? '', /^Showing \d+ of \d+ scenarios$/);
    assert.match(page.url(), /\?status=failed/);

    await row.locator('td').first().locator('a').click(); // v12, the first kernel column
    await page.waitForURL(/close-then-mount\.html#L41-v12$/);
    const run = page.locator('#L41-v12');
    assert.equal(await run.getAttribute('open'), '');
    const log = run.locator('pre.kernel-log').first();
    assert.equal(await log.isVisible(), true);
    assert.match((await log.textContent()) ?? '', /watchdog: BUG: soft lockup - CPU#0 stuck for 22s! \[umount:\d+\][\s\S]*pin_kill/);
    assert.equal(await run.locator('h3', { hasText: 'Kernel log, modelled' }).count(), 1, 'a modelled log says so');
    assert.deepEqual(await log.locator('.invented').allTextContents(), ['CPU#0', '22s!', (await log.locator('.invented').nth(2).textContent()) ?? ''], 'its made-up parts are marked');
    const tree = run.locator('figure.tree svg.mount-tree').last();
    await tree.waitFor();
    await tree.scrollIntoViewIfNeeded();
    assert.equal(await tree.isVisible(), true);
    assert.match((await tree.locator('title').textContent()) ?? '', /MNT_UMOUNT/);
    mkdirSync(SHOTS, { recursive: true });
    const shot = path.join(SHOTS, 'close-then-mount-v12.png');
    await page.locator('#L41').screenshot({ path: shot });
    t.diagnostic(`screenshot: ${shot}`);
    assert.deepEqual(errors, []);
  });

  it('should hide an area heading when the filters hide all its features, and show it again', async () => {
    const { page, errors } = await open(`${url}index.html`);
    // Each heading is shown exactly when one of its area's feature groups is.
    const headings = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('[data-area-head]')).map((head) => {
          const area = head.getAttribute('data-area-head');
          const groups = Array.from(document.querySelectorAll('[data-group]')).filter((g) => g.getAttribute('data-area') === area);
          return { area, shown: !(head as HTMLElement).hidden, groupsShown: groups.some((g) => !(g as HTMLElement).hidden) };
        }),
      );
    const all = await headings();
    assert.ok(all.length > 1 && all.every((h) => h.shown), 'every area is headed before filtering');
    await page.locator('a[href="#area-umount"]').click();
    await page.waitForURL(/#area-umount$/);
    assert.equal(await page.locator('th#area-umount').isVisible(), true);

    // A search matching one umount feature's name leaves its area alone in view (or nearly).
    const name = ((await page.locator('tbody[data-area="area-umount"] tr.group th').first().textContent()) ?? '').trim().toLowerCase();
    await page.fill('input[name="q"]', name);
    const searched = await headings();
    assert.deepEqual(searched.map((h) => h.shown), searched.map((h) => h.groupsShown));
    assert.ok(searched.find((h) => h.area === 'area-umount')?.shown, 'the umount heading stays');
    assert.ok(searched.some((h) => !h.shown), `some heading hides for ${JSON.stringify(name)}`);
    assert.equal(await page.locator('th#area-umount').isVisible(), true);

    await page.fill('input[name="q"]', '');
    await page.selectOption('select[name="status"]', 'failed');
    const failed = await headings();
    assert.deepEqual(failed.map((h) => h.shown), failed.map((h) => h.groupsShown));
    await page.selectOption('select[name="status"]', '');
    assert.ok((await headings()).every((h) => h.shown), 'every heading is back');
    assert.deepEqual(errors, []);
  });

  it('should follow a citation to the citations page and back to the scenario', async () => {
    const { page, errors } = await open(`${url}features/thread/close-then-mount.html#L41`);
    const cite = page.locator('#L41 .cites a').first();
    const href = (await cite.getAttribute('href')) ?? '';
    const id = href.slice(href.indexOf('#') + 1);
    await cite.click();
    await page.waitForURL(/citations\.html#cite-/);
    assert.equal(await page.locator(`figure#${id}`).isVisible(), true);
    await page.goBack();
    await page.waitForURL(/close-then-mount\.html#L41$/);
    await page.goForward();
    await page.locator(`article:has(figure#${id}) a[href="features/thread/close-then-mount.html#L41"]`).click();
    await page.waitForURL(/close-then-mount\.html#L41$/);
    assert.equal(await page.locator('#L41-title').isVisible(), true);
    assert.deepEqual(errors, []);
  });

  it("should answer first on the index: the thread's stories on each kernel, a legend, the run's facts", async () => {
    const { page, errors } = await open(`${url}index.html`);
    const story = page.locator('table.stories tr', { has: page.locator('th a', { hasText: 'close-then-mount' }) });
    assert.match((await story.locator('td[data-kernel="v12"]').textContent()) ?? '', /mount --move \. \/mnt && cd \/ succeeds, then umount -l \/mnt soft-locks in pin_kill/);
    assert.deepEqual(await story.locator('td[data-kernel="v12"] code').allTextContents(), ['mount --move . /mnt && cd /', 'umount -l /mnt'], 'its commands are code, not text in backticks');
    assert.match((await story.locator('td[data-kernel="mainline"]').textContent()) ?? '', /fails: EINVAL, status 32/);
    await story.locator('td[data-kernel="v12"] a').click();
    await page.waitForURL(/close-then-mount\.html#L41-v12$/);
    assert.match((await page.locator('.story-summary li[data-kernel="v12-move-fix"]').textContent()) ?? '', /EINVAL, status 32/, 'the thread page opens with the same lines');
    await page.goBack();
    assert.match((await page.locator('dl.legend').textContent()) ?? '', /failed as declared[\s\S]*@fails-on/);
    const facts = (await page.locator('dl.run-info').textContent()) ?? '';
    for (const fact of ['Run', 'Commit', 'Kernel build', 'node', 'cucumber-js', 'util-linux']) assert.ok(facts.includes(fact), fact);
    assert.match(facts, /cucumber-js\s*12\./);
    assert.deepEqual(errors, []);
  });

  it('should draw a slave as a slave: master:N on the mount after --make-slave', async () => {
    const { page, errors } = await open(`${url}features/propagation/mount-states.html`);
    await openAllRuns(page);
    const slaves = page.locator('svg.mount-tree g.mt-slave');
    assert.ok((await slaves.count()) > 0, 'some tree holds a slave');
    assert.match((await slaves.first().textContent()) ?? '', /master:\d+/);
    assert.match((await page.locator('svg.mount-tree g.mt-shared').first().textContent()) ?? '', /shared:\d+/);
    assert.deepEqual(errors, []);
  });

  it('should draw the largest tree whole on request with no label over another, text at 11 px or more, at full size on a phone', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, errors } = await open(`${url}features/namespaces/user-namespaces.html`, 'light', viewport);
      // The tree with the most mounts, from the page's tree data; open its run and draw it whole.
      const largest = await page.evaluate(() => {
        const data = JSON.parse(document.getElementById('mount-tree-data')!.textContent!) as { s: [number[]][] };
        let best = 0;
        data.s.forEach((st, i) => st[0].length > data.s[best]![0].length && (best = i));
        const box = document.querySelector(`[data-tree="${best}"]`)!;
        for (let el: Element | null = box; el; el = el.parentElement) if (el.tagName === 'DETAILS') (el as HTMLDetailsElement).open = true;
        return { index: best, mounts: data.s[best]![0].length };
      });
      const box = page.locator(`[data-tree="${largest.index}"]`).first();
      await box.locator('svg').waitFor();
      if (await box.locator('button.tree-all').count()) await box.locator('button.tree-all').click();
      await box.locator('svg').waitFor();
      assert.equal(await box.locator('g.mt-mount').count(), largest.mounts, 'every mount drawn');
      const check = await box.evaluate((el) => {
        const texts = Array.from(el.querySelectorAll('svg text')).map((t) => {
          const b = (t as SVGGraphicsElement).getBBox();
          return { x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height, text: t.textContent ?? '', size: parseFloat(getComputedStyle(t).fontSize) };
        });
        texts.sort((a, b) => a.y - b.y);
        const overlaps: string[] = [];
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length && texts[j]!.y < texts[i]!.b - 0.5; j++) {
            const a = texts[i]!, b = texts[j]!;
            if (a.x < b.r - 0.5 && b.x < a.r - 0.5) overlaps.push(`${a.text} / ${b.text}`);
          }
        }
        const svg = el.querySelector('svg')!;
        return { overlaps, labels: texts.length, smallest: Math.min(...texts.map((t) => t.size)), scale: svg.getBoundingClientRect().width / Number(svg.getAttribute('width')) };
      });
      assert.ok(check.labels > 100, `a large tree (${check.labels} labels)`);
      assert.deepEqual(check.overlaps, [], 'no label overlaps another');
      assert.ok(check.smallest >= 11, `tree text is ${check.smallest}px`);
      assert.equal(check.scale, 1, 'drawn at full size; its box scrolls');
      assert.deepEqual(errors, []);
    }
  });

  it('should find "dissolve_on_fput" in the narrative and kernel text, and show the match in context', async () => {
    const { page, errors } = await open(`${url}index.html`);
    await page.fill('input[name="q"]', 'dissolve_on_fput');
    const results = page.locator('[data-search-results]');
    await results.locator('li').first().waitFor();
    assert.match((await results.locator('h2').textContent()) ?? '', /^\d+ places? mentions? “dissolve_on_fput”$/);
    assert.equal(await results.locator('li mark').first().textContent(), 'dissolve_on_fput');
    assert.ok((await page.locator('tr[data-row]:visible').count()) > 0, 'the matrix keeps the matching rows');
    await page.fill('input[name="q"]', 'soft lockup');
    await page.waitForFunction(() => /soft lockup/.test(document.querySelector('[data-search-results] h2')?.textContent ?? ''));
    assert.ok((await results.locator('li').count()) > 0);
    const href = (await results.locator('li a').first().getAttribute('href')) ?? '';
    assert.match(href, /^features\/.+\.html(#L\d+)?$/);
    await page.goto(new URL(href, page.url()).href);
    if (href.includes('#')) assert.equal(await page.locator(`[id="${href.slice(href.indexOf('#') + 1)}"]`).count(), 1, 'the result links to its scenario');
    assert.deepEqual(errors, []);
  });

  it('should run the Reproduce line a run shows without touching reports/', async () => {
    const { page } = await open(`${url}features/thread/close-then-mount.html#L41-v12`);
    const line = ((await page.locator('#L41-v12 .reproduce code').textContent()) ?? '').trim();
    assert.equal(line, 'node bin/mountspec.js reproduce features/thread/close-then-mount.feature:41 --kernel v12');
    const dir = path.join(ROOT, 'reports');
    const snapshot = () => new Map(existsSync(dir) ? readdirSync(dir).sort().map((n) => [n, readFileSync(path.join(dir, n), 'latin1')]) : []);
    const before = snapshot();
    const [node, script, ...args] = line.split(' ');
    assert.equal(node, 'node');
    const run = spawnSync(process.execPath, [path.join(ROOT, script!), ...args], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /soft lockup[\s\S]*\[mountspec\] failed as declared/);
    assert.deepEqual(snapshot(), before, 'reports/ unchanged');
    await page.context().close();
    // report.html shows each failure's Reproduce line too (its script makes them, as the site's does).
    const report = await open(`${reportUrl}report.html`);
    const lines = await report.page.locator('details.run .reproduce code').allTextContents();
    assert.ok(lines.length > 0 && lines.length === (await report.page.locator('details.run').count()), `one a run (${lines.length})`);
    assert.ok(lines.every((l) => /^node bin\/mountspec\.js reproduce features\/\S+\.feature:\d+ --kernel \S+$/.test(l)), lines.join('\n'));
    await report.page.context().close();
  });

  it('should say the theme it is in and switch it', async () => {
    const { page } = await open(`${url}index.html`, 'dark');
    const button = page.locator('[data-theme-toggle]');
    assert.equal(await button.textContent(), 'Theme: system (dark)');
    await button.click();
    assert.equal(await button.textContent(), 'Theme: dark');
    await button.click();
    assert.equal(await button.textContent(), 'Theme: light');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  });

  it('should have no accessibility violation of any impact (axe-core): index, a feature, citations, report.html; light and dark; desktop and phone', async () => {
    const pages = [`${url}index.html`, `${url}features/thread/close-then-mount.html`, `${url}citations.html`, `${reportUrl}report.html`];
    for (const address of pages) {
      for (const scheme of ['light', 'dark'] as const) {
        // The phone layout differs on the pages with wide tables and trees; colours do not change with it.
        for (const viewport of address.includes('citations') || address.includes('report') ? [DESKTOP] : [DESKTOP, PHONE]) {
          const { page, errors } = await open(address, scheme, viewport);
          // Its failing runs are open, with their trees drawn.
          if (address.includes('close-then-mount')) await page.locator('svg.mount-tree').first().waitFor();
          assert.deepEqual(await violations(page, scheme), [], `${address} (${scheme}, ${viewport.width} px)`);
          assert.deepEqual(errors, [], `${address}: no failed request (favicon included)`);
          await page.context().close();
        }
      }
    }
  });

  it('should report what axe finds, in both of its passes: a pale line (color-contrast) and a nameless button', async () => {
    const { page } = await open(`${url}citations.html`);
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p style="color:#ddd">pale</p><button></button>'));
    const found = await violations(page);
    assert.ok(found.some((v) => v.startsWith('color-contrast (serious): 1 nodes')), found.join('\n'));
    assert.ok(found.some((v) => v.startsWith('button-name (critical): 1 nodes')), found.join('\n'));
    await page.context().close();
  });

  it('should find a pale line in the dark theme too, where only the colour rules run', async () => {
    const { page } = await open(`${url}citations.html`, 'dark');
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p style="color:#222">dark on dark</p>'));
    const found = await violations(page, 'dark');
    assert.ok(found.some((v) => v.startsWith('color-contrast (serious): 1 nodes')), found.join('\n'));
    await page.context().close();
  });

  it('should change nothing but colours in the dark theme (site.css), so the other axe rules need not run again there', () => {
    const css = readFileSync(path.join(ROOT, 'docs-build', 'assets', 'site.css'), 'utf8');
    const bodies = [...css.matchAll(/@media \(prefers-color-scheme: dark\) \{[^{}]*\{([^}]*)\}\s*\}/g), ...css.matchAll(/\[data-theme="dark"\][^{}]*\{([^}]*)\}/g)].map((m) => m[1]!);
    assert.equal(bodies.length, 2, 'the system-dark block and the data-theme="dark" block');
    const declarations = bodies.flatMap((b) => b.split(';').map((d) => d.trim()).filter(Boolean));
    assert.deepEqual(declarations.filter((d) => d !== 'color-scheme: dark' && !/^--[\w-]+: #[0-9a-f]{6}$/i.test(d)), [], 'only colour custom properties and color-scheme');
    // Nothing else in the stylesheet depends on the theme.
    assert.equal(css.match(/dark/g)?.length, 5, `the media query, the data-theme selector, their two color-scheme lines and the header comment: ${css.match(/.*dark.*/g)?.join(' | ')}`);
  });

  it("should leave axe's color-contrast nothing to judge in a tree's SVG text: it finds every node there incomplete, so leaving the trees out of it loses no verdict", async () => {
    const { page } = await open(`${url}features/thread/close-then-mount.html`);
    await openAllRuns(page);
    const [results] = (await axe(page, [{ context: { include: [[TREE_SVG]] }, options: { runOnly: ['color-contrast'] } }])) as [AxeResults];
    const judged = [...results.passes, ...results.violations].flatMap((r) => r.nodes.map((n) => n.target.join(' ')));
    assert.deepEqual(judged, [], 'axe judges SVG text now: drop exclude(TREE_SVG) from violations()');
    const incomplete = results.incomplete.flatMap((r) => r.nodes);
    assert.ok(incomplete.length > 100, `the trees' text is there to judge (${incomplete.length} nodes)`);
    await page.context().close();
  });

  it('should fit a 390 px phone: no page wider than the screen; trees and terminals scroll inside their boxes', async () => {
    for (const address of [`${url}index.html`, `${url}features/thread/close-then-mount.html`, `${url}citations.html`, `${reportUrl}report.html`]) {
      const { page } = await open(address, 'light', PHONE);
      if (address.includes('close-then-mount')) await openAllRuns(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${address} scrolls sideways by ${overflow}px`);
      await page.context().close();
    }
  });

  it('should show a phone every kernel column with its header, the counts unclipped, and terminal lines whole', async () => {
    const { page, errors } = await open(`${url}index.html`, 'light', PHONE);
    const fit = await page.evaluate(() => {
      const inside = (sel: string) => {
        const table = document.querySelector(sel)!;
        const wrap = table.closest('.matrix-wrap')!.getBoundingClientRect();
        return { table: table.scrollWidth, wrap: Math.ceil(wrap.width) };
      };
      const heads = Array.from(document.querySelectorAll('table.matrix thead th[data-kernel]')).map((th) => th.getBoundingClientRect());
      const wrap = document.querySelector('table.matrix')!.closest('.matrix-wrap')!.getBoundingClientRect();
      return { matrix: inside('table.matrix'), counts: inside('table.counts:not(.areas)'), areas: inside('table.areas'), heads: heads.map((r) => [r.left, r.right]), wrap: [wrap.left, wrap.right] };
    });
    assert.equal(fit.heads.length, 4, 'a header per kernel');
    for (const [left, right] of fit.heads) assert.ok(left! >= fit.wrap[0]! - 1 && right! <= fit.wrap[1]! + 1, `kernel header at ${left}–${right} outside ${fit.wrap.join('–')}`);
    for (const t of [fit.matrix, fit.counts, fit.areas]) assert.ok(t.table <= t.wrap, `a table ${t.table}px wide in a ${t.wrap}px box`);
    const cell = page.locator('table.matrix tbody tr[data-row] td').first();
    assert.match((await cell.textContent()) ?? '', /passed|failed|n\/a/, 'the label is still there for screen readers');
    await page.goto(`${url}features/thread/close-then-mount.html#L41-v12`);
    const cut = await page.locator('#L41-v12 pre.terminal').evaluate((pre) => pre.scrollWidth - pre.clientWidth);
    assert.ok(cut <= 0, `terminal lines cut by ${cut}px`);
    assert.deepEqual(errors, []);
  });
});
