// The README's pictures, taken from the built site with Debian's chromium:
// docs/stories.png (the thread's stories on each kernel), docs/areas.png (the
// index's areas), docs/matrix.png (the index's matrix), docs/scenario.png
// (close-then-mount on v12: terminal, modelled soft lockup, mount trees) and
// docs/slave.png (a tree with a peer group and a slave), docs/phone.png (the
// matrix on a 390 px phone). Run after `npm run docs:build`:
//   node --require ts-node/register/transpile-only docs-build/screenshots.ts [--site site] [--out docs]

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { runCli } from './diagnostics';
import { serve } from './serve';

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { site: { type: 'string', default: 'site' }, out: { type: 'string', default: 'docs' } } });
  mkdirSync(values.out, { recursive: true });
  const { server, url } = await serve(values.site);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' })).newPage();
    await page.goto(`${url}index.html`);
    await page.locator('table.stories').screenshot({ path: path.join(values.out, 'stories.png') });
    await page.locator('table.areas').screenshot({ path: path.join(values.out, 'areas.png') });
    // Filtered to failures: the rows where kernels disagree, which is the story.
    await page.goto(`${url}index.html?status=failed#matrix`);
    await page.screenshot({ path: path.join(values.out, 'matrix.png') });
    await page.goto(`${url}features/thread/close-then-mount.html#L41-v12`);
    await page.locator('#L41-v12 svg.mount-tree').last().waitFor();
    await page.locator('#L41-v12').screenshot({ path: path.join(values.out, 'scenario.png') });
    // The first drawn tree that holds a slave.
    await page.goto(`${url}features/propagation/mount-states.html`);
    await page.evaluate(() => document.querySelectorAll('details.run').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const slave = page.locator('figure.tree', { has: page.locator('g.mt-slave') }).first();
    await slave.waitFor();
    await slave.screenshot({ path: path.join(values.out, 'slave.png') });
    // A 390 px phone: every kernel's column with its header.
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 700 }, colorScheme: 'light', isMobile: true })).newPage();
    await phone.goto(`${url}index.html`);
    await phone.evaluate(() => document.querySelector('table.matrix')!.scrollIntoView());
    await phone.screenshot({ path: path.join(values.out, 'phone.png') });
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(`screenshots: wrote ${['stories.png', 'areas.png', 'matrix.png', 'scenario.png', 'slave.png', 'phone.png'].map((f) => path.join(values.out, f)).join(', ')}\n`);
  return 0;
}

void runCli('screenshots', () => main(process.argv.slice(2)));
