import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { serve } from './serve';
import { tempDir } from './test/temp';

describe('serve', () => {
  it('should serve the site on loopback, index.html for a directory, and nothing outside it', async () => {
    const root = tempDir('serve');
    mkdirSync(path.join(root, 'site', 'features'), { recursive: true });
    writeFileSync(path.join(root, 'site', 'index.html'), '<p>index</p>');
    writeFileSync(path.join(root, 'site', 'features', 'a b.html'), '<p>a</p>');
    writeFileSync(path.join(root, 'secret.txt'), 'secret');
    const { server, url } = await serve(path.join(root, 'site'));
    try {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await fetch(url);
      assert.equal(index.status, 200);
      assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(await index.text(), '<p>index</p>');
      assert.equal(await (await fetch(`${url}features/a%20b.html`)).text(), '<p>a</p>');
      assert.equal((await fetch(`${url}missing.html`)).status, 404);
      assert.equal((await fetch(`${url}..%2fsecret.txt`)).status, 403);
    } finally {
      server.close();
    }
  });
});
