import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AT_EMPTY_PATH, AT_FDCWD, CLONE_NEWUSER, O_RDONLY, OPEN_TREE_CLONE } from './constants';
import { bindSyscalls } from '../syscalls';
import { ModelSession } from '../shell/session';

describe('may_mount() on the model', () => {
  it('should refuse every mount change to a task whose user namespace does not own its mount namespace', () => {
    const session = new ModelSession('mainline');
    const task = session.topTask;
    const sys = bindSyscalls(session.kernel, task);
    assert.deepEqual(sys.unshare({ flags: CLONE_NEWUSER }), { ok: true, value: 0 });
    assert.equal(task.user_ns.level, 1);
    const fd = sys.openat({ dfd: AT_FDCWD, path: '/mnt', flags: O_RDONLY });
    assert.ok(fd.ok);
    assert.deepEqual(sys.mount({ source: 'none', target: '/mnt', fstype: 'tmpfs', flags: 0 }), { ok: false, errno: 'EPERM' });
    assert.deepEqual(sys.umount2({ target: '/mnt', flags: 0 }), { ok: false, errno: 'EPERM' });
    assert.deepEqual(sys.open_tree({ dfd: fd.value, path: '', flags: OPEN_TREE_CLONE | AT_EMPTY_PATH }), { ok: false, errno: 'EPERM' });
    // Without OPEN_TREE_CLONE, open_tree is an O_PATH open: no privilege needed.
    assert.ok(sys.open_tree({ dfd: fd.value, path: '', flags: AT_EMPTY_PATH }).ok);
  });
});
