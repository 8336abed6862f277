import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { runFixture } from './test/fixture-run';
import { tempDir } from './test/temp';

const CLI = path.join(__dirname, 'cli.ts');
const docs = (...args: string[]) => spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', CLI, '--no-spec', '--no-serve', ...args], { encoding: 'utf8' });
/** The same, as a user who cannot write where root can (root writes anywhere): `nobody` through util-linux setpriv. */
const docsUnprivileged = (...args: string[]) =>
  process.getuid?.() === 0
    ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--require', 'ts-node/register/transpile-only', CLI, '--no-spec', '--no-serve', ...args], { encoding: 'utf8', cwd: path.dirname(__dirname) })
    : docs(...args);

let reports = '';
before(async () => {
  reports = await runFixture();
});

describe('cli', () => {
  it('should build the site and say what it wrote', () => {
    const out = path.join(tempDir('cli'), 'site');
    const run = docs('--reports', reports, '--out', out);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^docs: wrote 9 files to .*site\/ \(2 features, 6 scenarios, 2 kernels\) in \d+ ms\n$/);
    assert.ok(existsSync(path.join(out, 'index.html')));
  });

  it('should refuse a malformed stream with its file and line, status 1 and no stack trace', () => {
    const bad = tempDir('bad');
    writeFileSync(path.join(bad, 'v12.ndjson'), '{"meta":{}}\n{"source":{"data":"x",\n');
    const run = docs('--reports', bad, '--out', path.join(bad, 'site'));
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^docs: \S*v12\.ndjson:2:\d+: error: truncated NDJSON: .+\n$/);
    assert.ok(!/\n\s+at /.test(run.stderr), 'no stack trace');
    assert.ok(!existsSync(path.join(bad, 'site')));
  });

  it('should keep the old site when the new one cannot be written: one line, status 1, no stack trace', () => {
    const parent = path.join(tempDir('cli-unwritable'), 'parent');
    mkdirSync(parent);
    const out = path.join(parent, 'site');
    assert.equal(docs('--reports', reports, '--out', out).status, 0);
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    chmodSync(path.dirname(parent), 0o755);
    chmodSync(reports, 0o755);
    chmodSync(parent, 0o555); // nowhere to build the new site beside the old one
    const run = docsUnprivileged('--reports', reports, '--out', out);
    chmodSync(parent, 0o755);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, `docs: cannot create ${out}: EACCES\n`);
    assert.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), index);
    assert.ok(existsSync(path.join(out, '.mountspec-site')), 'the marker survives, so the next build runs');
    assert.equal(docs('--reports', reports, '--out', out).status, 0);
  });
});
