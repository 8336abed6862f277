// The site in a real browser (Debian's chromium through playwright-core):
// filter the matrix to failures, open close-then-mount on v12, see the soft
// lockup and the tree pictures, follow a citation and come back, take a
// screenshot, and let axe-core find no serious accessibility violation.
// Skips, saying why, where /usr/bin/chromium is not installed.

import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from './index';
import { serve } from './serve';
import { runToNdjson } from './test/fixture-run';
import { tempDir } from './test/temp';

// Debian's chromium; MOUNTSPEC_CHROMIUM names another binary.
const CHROMIUM = process.env.MOUNTSPEC_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..');
// The model kernels only: the live one needs root and a mount namespace, and npm test runs it in test:spec.
const KERNELS = ['v12', 'v12-move-fix', 'v12-both-fixes', 'mainline'];
const SCENARIO = 'features/thread/close-then-mount.feature:41';
// Kept after the run (the site itself is temporary), overwritten by the next one.
const SHOTS = process.env.MOUNTSPEC_SCREENSHOTS ?? path.join(os.tmpdir(), 'mountspec-browser-test');
const skip = existsSync(CHROMIUM) ? false : `no ${CHROMIUM}: apt-get install chromium to run the browser test`;

describe('browser', { skip, timeout: 180_000 }, () => {
  let browser: Browser;
  let server: Server;
  let url = '';
  let work = '';

  before(async () => {
    work = tempDir('browser');
    const reports = await runToNdjson(path.join(work, 'reports'), KERNELS, ROOT, (kernel) => ({ profiles: [kernel] }));
    build({ reports, out: path.join(work, 'site'), kernels: KERNELS });
    ({ server, url } = await serve(path.join(work, 'site')));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(address: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // Nothing may leave loopback: the site works offline.
    await page.route((u) => !u.href.startsWith(url), (route) => {
      errors.push(`network request to ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(address);
    return { page, errors };
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(' ')}`);
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

    await row.locator('td[data-kernel="v12"] a').click();
    await page.waitForURL(/close-then-mount\.html#L41-v12$/);
    const run = page.locator('#L41-v12');
    assert.equal(await run.getAttribute('open'), '');
    const log = run.locator('pre.kernel-log').first();
    assert.equal(await log.isVisible(), true);
    assert.match((await log.textContent()) ?? '', /watchdog: BUG: soft lockup - CPU#0 stuck for 22s! \[umount:\d+\][\s\S]*pin_kill/);
    const tree = run.locator('figure.tree svg.mount-tree').last();
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

  it('should have no serious accessibility violation (axe-core), light or dark', async () => {
    for (const [address, scheme] of [
      ['index.html', 'light'],
      ['index.html', 'dark'],
      ['features/thread/close-then-mount.html', 'light'],
      ['features/thread/close-then-mount.html', 'dark'],
      ['citations.html', 'light'],
    ] as const) {
      const { page } = await open(`${url}${address}`, scheme);
      assert.deepEqual(await seriousViolations(page), [], `${address} (${scheme})`);
    }
  });

  it('should fit a phone: no page wider than the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await context.newPage();
    for (const address of ['index.html', 'features/thread/close-then-mount.html', 'citations.html']) {
      await page.goto(`${url}${address}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${address} scrolls sideways by ${overflow}px`);
    }
  });
});
