// write: the rendered files into the output directory. The directory is
// emptied first, so a scenario or feature that is gone leaves no stale page;
// it refuses to empty anything that does not look like a site we wrote.

import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';

const MARKER = '.mountspec-site';

export function writeSite(outDir: string, files: ReadonlyMap<string, string>): void {
  const out = path.resolve(outDir);
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(path.join(out, MARKER))) {
    new VFile({ path: outDir }).fail(`refusing to replace ${outDir}: it is not empty and was not written by docs-build (no ${MARKER})`, { ruleId: 'out-dir', source: 'docs-build' });
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, MARKER), 'written by docs-build; the whole directory is replaced on every build\n');
  for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const target = path.resolve(out, rel);
    if (!target.startsWith(out + path.sep)) throw new Error(`docs-build bug: ${rel} escapes ${outDir}`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}
