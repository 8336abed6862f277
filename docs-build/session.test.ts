import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSession, SessionShapeError } from './session';

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
});
