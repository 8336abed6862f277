import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BackendUnavailable } from '../transcript/types';
import { createLiveBackend } from './index';
import { unavailableReason } from './probe';

// Simulates an unprivileged user: the probe's unshare runs as nobody.
const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const asRoot = process.getuid?.() === 0;

describe('live backend availability', () => {
  it('should explain in one line why an unprivileged user cannot create a mount namespace', { skip: !asRoot && 'needs root to drop privilege with setpriv' }, () => {
    const reason = unavailableReason({ prefix: NOBODY });
    assert.equal(reason, 'cannot create a private mount namespace (unshare --mount: unshare failed: Operation not permitted)');
  });

  it('should refuse to run for a user that is not root', () => {
    assert.equal(unavailableReason({ uid: 1000 }), 'needs root to create mount namespaces (running as uid 1000)');
  });

  it('should throw BackendUnavailable with that reason from createLiveBackend', { skip: !asRoot && 'needs root to drop privilege with setpriv' }, async () => {
    await assert.rejects(createLiveBackend({ probe: { prefix: NOBODY } }), (error: unknown) => {
      assert.ok(error instanceof BackendUnavailable);
      assert.equal(error.backend, 'live');
      assert.doesNotMatch(error.message, /\n/);
      assert.equal(error.message, 'live backend unavailable: cannot create a private mount namespace (unshare --mount: unshare failed: Operation not permitted)');
      return true;
    });
  });

  it('should be available here when running as root', { skip: !asRoot && 'not root' }, () => {
    assert.equal(unavailableReason(), null);
  });
});
