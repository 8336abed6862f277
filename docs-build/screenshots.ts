// The README's pictures, taken from the built site with Debian's chromium:
// docs/areas.png (the index's areas), docs/matrix.png (the index's matrix)
// and docs/scenario.png (close-then-mount on v12: terminal, soft lockup,
// mount trees). Run after `npm run docs:build`:
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
    await page.locator('table.areas').screenshot({ path: path.join(values.out, 'areas.png') });
    // Filtered to failures: the rows where kernels disagree, which is the story.
    await page.goto(`${url}index.html?status=failed#matrix`);
    await page.screenshot({ path: path.join(values.out, 'matrix.png') });
    await page.goto(`${url}features/thread/close-then-mount.html#L41-v12`);
    await page.locator('#L41-v12').screenshot({ path: path.join(values.out, 'scenario.png') });
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(`screenshots: wrote ${['areas.png', 'matrix.png', 'scenario.png'].map((f) => path.join(values.out, f)).join(', ')}\n`);
  return 0;
}

void runCli('screenshots', () => main(process.argv.slice(2)));
