import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSession, SessionParser, SessionShapeError } from './session';

const result = { command: 'umount /mnt', status: 0, stdout: '', stderr: '', kernel: [], stuck: false, mountinfo: '' };

describe('session', () => {
  it('should read a live session, which has no state', () => {
    const s = parseSession(JSON.stringify({ kernel: 'live', description: 'live kernel 6.1', lines: [{ command: 'umount /mnt', file: 'f', line: 3 }], results: [result] }));
    assert.equal(s.results[0]?.state, null);
    assert.equal(s.lines[0]?.line, 3);
  });

  it('should name the first field that is wrong', () => {
    const bad = { kernel: 'v12', description: 'x', lines: [{ command: 'c', file: 'f', line: 1 }], results: [{ ...result, state: { mounts: [{ id: 'two' }], tasks: [], violations: [] } }] };
    assert.throws(() => parseSession(JSON.stringify(bad)), (e: unknown) => e instanceof SessionShapeError && e.message === 'session.results[0].state.mounts[0].id: expected a number');
    assert.throws(() => parseSession('{"kernel":'), /not JSON/);
    assert.throws(() => parseSession('[]'), /session: expected an object/);
  });

  it('should parse the run of identical sessions once, each with its own kernel and description', () => {
    const run = { lines: [{ command: 'umount /mnt', file: 'f', line: 3 }], results: [result] };
    const parser = new SessionParser();
    const a = parser.parse(JSON.stringify({ kernel: 'v12', description: 'first', ...run }));
    const b = parser.parse(JSON.stringify({ kernel: 'mainline', description: 'second', ...run }));
    assert.deepEqual([a.kernel, a.description, b.kernel, b.description], ['v12', 'first', 'mainline', 'second']);
    assert.equal(b.results, a.results, 'the same parsed run');
    assert.deepEqual(b, parseSession(JSON.stringify({ kernel: 'mainline', description: 'second', ...run })));
    const other = parser.parse(JSON.stringify({ kernel: 'live', description: 'x', ...run, results: [{ ...result, status: 32 }] }));
    assert.notEqual(other.results, a.results, 'a different run is parsed on its own');
    assert.equal(other.results[0]?.status, 32);
  });

  it('should check each body as parseSession does, shared run or not', () => {
    const run = { lines: [{ command: 'c', file: 'f', line: 1 }], results: [result] };
    const parser = new SessionParser();
    parser.parse(JSON.stringify({ kernel: 'v12', description: 'x', ...run }));
    // The same run under a head that is wrong, or a body cut short: refused with parseSession's message.
    assert.throws(() => parser.parse(JSON.stringify({ kernel: 12, description: 'x', ...run })), /session.kernel: expected a string/);
    assert.throws(() => parser.parse(JSON.stringify({ kernel: 'v12', description: 'x', ...run }).slice(0, -1)), /not JSON/);
    // A tail that sets the kernel again is not shared: the last key wins, as JSON.parse has it.
    const twice = '{"kernel":"v12","description":"x","lines":[{"command":"c","file":"f","line":1}],"results":[],"kernel":"mainline"}';
    assert.equal(parser.parse(twice).kernel, 'mainline');
    assert.equal(parser.parse(twice.replace('"v12"', '"live"')).kernel, 'mainline');
    const bad = { ...run, results: [{ ...result, stuck: 'no' }] };
    assert.throws(() => parser.parse(JSON.stringify({ kernel: 'v12', description: 'x', ...bad })), /session.results\[0\].stuck: expected true or false/);
  });
});
