// Many test files in one node process. `node --test` starts a process per
// file, and each loads ts-node and transpiles the engine again: about 0.3 s
// of CPU a file, 14 s for the 44 files of engine/, steps/ and runner/ (where
// the whole of those files' tests take 27 s). A bundle requires its
// directories' *.test.ts files into one process, so their tests register
// and run there in turn. Its files must leave no global state behind
// (docs-build's fixture runs cache cucumber support code per directory:
// its files keep a process each).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every *.test.ts under `dir`, sorted, node_modules left out. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
      return entry.name.endsWith('.test.ts') ? [path] : [];
    });
}

/** Requires the test files under each of `dirs`, in order: their tests run in this process. */
export function requireTestFiles(...dirs: string[]): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const dir of dirs) for (const file of testFiles(dir)) require(file);
}
