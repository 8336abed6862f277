import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { VFileMessage } from 'vfile-message';
import { loadReports, parseStream } from './load';
import { tempDir } from './test/temp';

const ok = ['{"meta":{"protocolVersion":"32"}}', '{"testRunStarted":{"timestamp":{"seconds":0,"nanos":0}}}', '{"testRunFinished":{"success":true,"timestamp":{"seconds":0,"nanos":0}}}'];

function failure(text: string): VFileMessage {
  try {
    parseStream('v12', 'reports/v12.ndjson', text);
  } catch (error) {
    assert.ok(error instanceof VFileMessage, `expected a vfile message, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the stream to be refused');
}

describe('load', () => {
  it('should parse every envelope and remember its line', () => {
    const stream = parseStream('v12', 'reports/v12.ndjson', `${ok[0]}\n\n${ok[1]}\n${ok[2]}\n`);
    assert.equal(stream.kernel, 'v12');
    assert.equal(stream.envelopes.length, 3);
    assert.deepEqual(stream.lines, [1, 3, 4]);
  });

  it('should name the file and line of a malformed line', () => {
    const error = failure(`${ok[0]}\n{"source": nope}\n${ok[2]}\n`);
    assert.equal(error.file, 'reports/v12.ndjson');
    assert.equal(error.line, 2);
    assert.equal(error.fatal, true);
    assert.match(error.reason, /^malformed NDJSON/);
  });

  it('should call a line cut off at the end truncated', () => {
    const error = failure(`${ok[0]}\n${ok[1]}\n{"testRunFinished":{"succ`);
    assert.equal(error.line, 3);
    assert.match(error.reason, /^truncated NDJSON/);
  });

  it('should refuse a stream cut off between lines (no testRunFinished)', () => {
    const error = failure(`${ok[0]}\n${ok[1]}\n`);
    assert.match(error.reason, /no testRunFinished/);
  });

  it('should refuse JSON that is not an envelope', () => {
    const error = failure(`${ok[0]}\n{"hello":1}\n${ok[2]}\n`);
    assert.equal(error.line, 2);
    assert.match(error.reason, /not a cucumber message envelope/);
  });

  it('should load a reports directory in the given kernel order, then by name', () => {
    const dir = tempDir('load');
    for (const k of ['zeta', 'mainline', 'alpha', 'v12']) writeFileSync(path.join(dir, `${k}.ndjson`), ok.join('\n'));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a stream');
    assert.deepEqual(loadReports(dir, ['v12', 'mainline']).map((s) => s.kernel), ['v12', 'mainline', 'alpha', 'zeta']);
  });

  it('should say what to run when there are no reports', () => {
    const empty = tempDir('load');
    mkdirSync(path.join(empty, 'none'));
    assert.throws(() => loadReports(path.join(empty, 'none')), /npm run test:spec/);
    assert.throws(() => loadReports(path.join(empty, 'missing')), /npm run test:spec/);
  });
});
