// The thread's table, straight through the model: one test per story and
// variant, on what the shell reports (status, stuck, kernel log).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MODEL_VARIANT_IDS } from './kernel/variants';
import { ModelSession } from './shell/session';
import type { CommandResult } from './transcript/types';

function run(variant: (typeof MODEL_VARIANT_IDS)[number], commands: string[]): CommandResult[] {
  const session = new ModelSession(variant);
  return commands.map((command, i) => session.run({ command, file: 'test', line: i + 1 }));
}

const CLOSE_THEN_MOUNT = ['open_tree_clone 3</mnt 3 sh', 'cd /proc/self/fd/3', 'exec 3<&-', 'mount --move . /mnt && cd /', 'umount -l /mnt'];
const MOUNT_THEN_CLOSE = ['open_tree_clone 3</mnt 3 sh', 'cd /proc/self/fd/3', 'mount --move . /mnt && cd /', 'umount -l /mnt', 'exec 3<&-'];
const EBUSY = ['open_tree_clone 3</mnt 3 sh', 'cd /proc/self/fd/3', 'mount --move . /mnt', 'cd /', 'umount /mnt'];

describe('the thread on the model', () => {
  for (const variant of MODEL_VARIANT_IDS) {
    it(`should report EBUSY for the moved clone with fd 3 open on ${variant}`, () => {
      const umount = run(variant, EBUSY)[4]!;
      assert.equal(umount.status, 32);
      assert.equal(umount.stderr, 'umount: /mnt: target is busy.\n');
    });
  }

  it('should let ver #12 move the dissolved clone and then soft-lock umount -l in pin_kill', () => {
    const results = run('v12', CLOSE_THEN_MOUNT);
    assert.equal(results[3]!.status, 0);
    assert.equal(results[4]!.stuck, true);
    assert.equal(results[4]!.status, null);
    assert.match(results[4]!.kernel[0]!, /^watchdog: BUG: soft lockup - CPU#0 stuck for 22s! \[umount:\d+\]$/);
    assert.deepEqual(results[4]!.kernel.slice(1, 6), ['RIP: 0010:pin_kill', 'Call Trace:', ' pin_kill', ' group_pin_kill', ' namespace_unlock']);
  });

  for (const variant of ['v12-move-fix', 'v12-both-fixes', 'mainline'] as const) {
    it(`should refuse the close-then-mount move with EINVAL on ${variant}`, () => {
      const results = run(variant, CLOSE_THEN_MOUNT);
      assert.equal(results[3]!.status, 32);
      assert.ok(results.every((r) => !r.stuck && r.kernel.length === 0));
    });
  }

  for (const variant of ['v12', 'v12-move-fix'] as const) {
    it(`should soft-lock the close in mount-then-close on ${variant}, in the shell's task work`, () => {
      const close = run(variant, MOUNT_THEN_CLOSE)[4]!;
      assert.equal(close.stuck, true);
      assert.match(close.kernel[0]!, /\[sh:\d+\]$/);
      assert.ok(close.kernel.includes(' task_work_run'));
    });
  }

  for (const variant of ['v12-both-fixes', 'mainline'] as const) {
    it(`should run mount-then-close clean on ${variant}`, () => {
      const results = run(variant, MOUNT_THEN_CLOSE);
      assert.deepEqual(results.map((r) => r.status), [null, 0, 0, 0, 0]);
      assert.ok(results.every((r) => !r.stuck && r.kernel.length === 0));
    });
  }

  it('should report every line after a stuck one as stuck, with no status', () => {
    const results = run('v12', [...MOUNT_THEN_CLOSE, 'ls /']);
    assert.deepEqual(results[5], { ...results[5], status: null, stuck: true, stdout: '', stderr: '', kernel: [] });
  });
});
