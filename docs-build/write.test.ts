import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from './test/temp';
import { MARKER, writeSite, WriteError, type WriteFs } from './write';

const OLD = new Map([['index.html', 'old index'], ['features/a.html', 'old a']]);
const NEW = new Map([['index.html', 'new index'], ['x.html', 'new x'], ['features/b.html', 'new b']]);

function readTree(dir: string): Map<string, string> {
  const tree = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) tree.set(path.relative(dir, path.join(entry.parentPath, entry.name)), fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return tree;
}

function oldSite(): { parent: string; out: string; before: Map<string, string> } {
  const parent = tempDir('write');
  const out = path.join(parent, 'site');
  writeSite(out, OLD);
  return { parent, out, before: readTree(out) };
}

/** The real file system, but writing `x.html` fails as an unwritable file does. */
const failingOn = (name: string): WriteFs => ({
  ...fs,
  writeFileSync: ((file: fs.PathOrFileDescriptor, data: string) => {
    if (path.basename(String(file)) === name) throw Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), { code: 'EACCES' });
    fs.writeFileSync(file, data);
  }) as typeof fs.writeFileSync,
});

describe('writeSite', () => {
  it('should replace the old site with the new one, marker included, leaving nothing beside it', () => {
    const { parent, out } = oldSite();
    writeSite(out, NEW);
    assert.deepEqual(readTree(out), new Map([...NEW, [MARKER, fs.readFileSync(path.join(out, MARKER), 'utf8')]]));
    assert.deepEqual(fs.readdirSync(parent), ['site']);
  });

  it('should leave the old site as it was when a file cannot be written, and say which in one line', () => {
    const { parent, out, before } = oldSite();
    assert.ok(before.has(MARKER));
    assert.throws(
      () => writeSite(out, NEW, failingOn('x.html')),
      (e: unknown) => e instanceof WriteError && e.message === `cannot write ${path.join(out, 'x.html')}: EACCES`,
    );
    assert.deepEqual(readTree(out), before);
    assert.deepEqual(fs.readdirSync(parent), ['site'], 'no half-built directory left behind');
    writeSite(out, NEW); // and the next build still runs
    assert.equal(fs.readFileSync(path.join(out, 'x.html'), 'utf8'), 'new x');
  });

  it('should fail on a real I/O error (a file where a directory must go) without touching the old site', () => {
    const { out, before } = oldSite();
    const clash = new Map([['a', 'a file'], ['a/b.html', 'under a file']]);
    assert.throws(() => writeSite(out, clash), (e: unknown) => e instanceof WriteError && /^cannot write \S+a\/b\.html: (ENOTDIR|EEXIST)$/.test(e.message));
    assert.deepEqual(readTree(out), before);
  });

  it('should refuse to replace a directory it did not write', () => {
    const foreign = tempDir('foreign');
    fs.writeFileSync(path.join(foreign, 'me.txt'), 'mine');
    assert.throws(() => writeSite(foreign, NEW), /refusing to replace/);
    assert.equal(fs.readFileSync(path.join(foreign, 'me.txt'), 'utf8'), 'mine');
  });
});
