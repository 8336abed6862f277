import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKernel } from '../kernel/boot';
import { StuckTask } from '../kernel/kernel';
import { allocVfsmnt } from './alloc';
import { groupPinKill, pinInsertGroup } from './fs-pin';

describe('fs_pin', () => {
  it('should kill an armed pin once: unlinked, done, its reference dropped', () => {
    const { kernel: k, shell } = createKernel('v12');
    const root = shell.root.mnt;
    const m = allocVfsmnt(k, root.mnt_sb, root.mnt_root, 0);
    m.mnt_count = 2;
    const head = [] as typeof k.unmounted;
    pinInsertGroup(k, m.mnt_umount, root, head);
    groupPinKill(k, head);
    assert.equal(head.length, 0);
    assert.equal(m.mnt_umount.done, 1);
    assert.equal(root.mnt_pins.includes(m.mnt_umount), false);
    assert.equal(m.mnt_count, 1);
  });

  it('should detect group_pin_kill spinning on a pin that is already done, and report a soft lockup', () => {
    const { kernel: k, shell } = createKernel('v12');
    k.current = shell;
    const root = shell.root.mnt;
    const m = allocVfsmnt(k, root.mnt_sb, root.mnt_root, 0);
    m.mnt_umount.done = 1; // spent by an earlier umount_tree()
    const head = [] as typeof k.unmounted;
    pinInsertGroup(k, m.mnt_umount, root, head);
    assert.throws(() => groupPinKill(k, head), StuckTask);
    assert.match(k.log[0]!, /^watchdog: BUG: soft lockup - CPU#0 stuck for 22s! \[bash:1\]$/);
    assert.deepEqual(k.log.slice(1, 5), ['RIP: 0010:pin_kill', 'Call Trace:', ' pin_kill', ' group_pin_kill']);
  });
});
