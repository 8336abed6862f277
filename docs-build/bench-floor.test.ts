import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lowerBoundBuild } from './bench-floor';
import { tempDir } from './test/temp';

/** A session attachment's line as cucumber writes it: `body` first, ids after. */
const attachment = (kernel: string, run: object, id: string) =>
  JSON.stringify({ attachment: { body: JSON.stringify({ kernel, description: `${kernel}: "quoted" \\ text`, ...run }), contentEncoding: 'IDENTITY', mediaType: 'application/vnd.mountspec.session+json', testCaseStartedId: id, testStepId: `${id}-step` } });

const runA = { lines: [{ command: 'mount -t tmpfs none /mnt', file: 'f.feature', line: 3 }], results: [] };
const runB = { lines: [{ command: 'umount /mnt', file: 'f.feature', line: 3 }], results: [] };
const gherkin = JSON.stringify({ gherkinDocument: { uri: 'f.feature', feature: { keyword: 'Feature', name: 'f', description: '  A *narrative* with [a link](https://example.org/).', tags: [], children: [], language: 'en', location: { line: 1, column: 1 } }, comments: [] } });
const finished = '{"testRunFinished":{"success":true,"timestamp":{"seconds":0,"nanos":0}}}';

describe('bench-floor: the lower bound of a site build', () => {
  it('should parse each distinct session run once, whichever kernel ran it, and write the site it is given', () => {
    const dir = tempDir('floor');
    const one = path.join(dir, 'k1.ndjson');
    const two = path.join(dir, 'k2.ndjson');
    writeFileSync(one, [gherkin, attachment('k1', runA, 'a1'), finished].join('\n'));
    writeFileSync(two, [attachment('k2', runA, 'b1'), attachment('k2', runB, 'b2'), finished].join('\n'));
    const bodies: string[] = [];
    const parse = JSON.parse;
    JSON.parse = ((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      if (text.startsWith('{"kernel"')) bodies.push(text);
      return parse(text, reviver) as unknown;
    }) as typeof JSON.parse;
    try {
      lowerBoundBuild([one, two], new Map([['index.html', '<p>site</p>'], ['features/f.html', '<p>f</p>']]), path.join(dir, 'out'));
    } finally {
      JSON.parse = parse;
    }
    // runA on k1 and k2 is one run; runB another: two bodies parsed, not three.
    assert.deepEqual(bodies.map((b) => (parse(b) as { lines: { command: string }[] }).lines[0]?.command), ['mount -t tmpfs none /mnt', 'umount /mnt']);
    assert.equal(readFileSync(path.join(dir, 'out', 'features/f.html'), 'utf8'), '<p>f</p>');
    assert.equal(readFileSync(path.join(dir, 'out', 'index.html'), 'utf8'), '<p>site</p>');
  });

  it('should parse every run when their texts differ only after the run (another kernel, same lines): no false sharing', () => {
    const dir = tempDir('floor');
    const file = path.join(dir, 'k.ndjson');
    writeFileSync(file, [attachment('k', runA, 'a'), attachment('k', { ...runA, results: [{ command: 'x' }] }, 'b'), finished].join('\n'));
    let bodies = 0;
    const parse = JSON.parse;
    JSON.parse = ((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      if (text.startsWith('{"kernel"')) bodies++;
      return parse(text, reviver) as unknown;
    }) as typeof JSON.parse;
    try {
      lowerBoundBuild([file], new Map(), path.join(dir, 'out'));
    } finally {
      JSON.parse = parse;
    }
    assert.equal(bodies, 2);
  });
});
