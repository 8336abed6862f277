// A static server for the built site on 127.0.0.1 (loopback only): enough
// for `npm run docs` and the browser test. Paths cannot leave the site.

import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** `/mountspec/` stays; `mountspec` → `/mountspec/`; a base must be a plain path. */
export function normalizeBase(base: string): string {
  const clean = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (!/^\/([\w.~-]+\/)*$/.test(clean)) throw new Error(`--base-url ${JSON.stringify(base)}: expected a path such as /mountspec/`);
  return clean;
}

/** Serves `dir` at `base` (`/` or a sub-path such as `/mountspec/`, as GitHub Pages publishes a project site). */
export function serve(dir: string, port = 0, base = '/'): Promise<{ server: http.Server; url: string }> {
  const root = path.resolve(dir);
  const prefix = normalizeBase(base);
  const server = http.createServer((req, res) => {
    const full = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!`${full}/`.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: the site is at ${prefix}\n`);
      return;
    }
    const pathname = `/${full.slice(prefix.length)}`;
    let file = path.resolve(root, `.${pathname}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden\n');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${bound}${prefix}` });
    });
  });
}
