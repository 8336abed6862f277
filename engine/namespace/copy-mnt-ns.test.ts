import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MNT_LOCKED } from '../kernel/constants';
import type { Mount, Task } from '../kernel/types';
import { ModelSession } from '../shell/session';
import { subtree } from './alloc';

function session(commands: string[]): { s: ModelSession; newest: () => Task } {
  const s = new ModelSession('mainline');
  commands.forEach((command, i) => s.run({ command, file: 'test', line: i + 1 }));
  // The nested shell is the task with the highest pid.
  const newest = () => [...s.kernel.tasks.values()].reduce((a, b) => (a.pid > b.pid ? a : b));
  return { s, newest };
}

const byMountpoint = (ns: Iterable<Mount>, name: string) => [...ns].find((m) => m.mnt_mountpoint.name === name && m.mnt_parent !== m);

describe('copy_mnt_ns on the model', () => {
  it('should copy every mount, keep shared copies in their peer group, and move the cwd onto the copy', () => {
    const { s, newest } = session(['mkdir /mnt/s', 'mount -t tmpfs none /mnt/s', 'mount --make-shared /mnt/s', 'cd /mnt/s', 'unshare -m --propagation unchanged']);
    const shell = newest();
    const top = s.topTask;
    assert.notEqual(shell.mnt_ns, top.mnt_ns);
    assert.equal(shell.mnt_ns.count, 1);
    assert.equal(shell.mnt_ns.mounts.size, top.mnt_ns.mounts.size);
    const original = byMountpoint(top.mnt_ns.mounts, 's')!;
    const copy = byMountpoint(shell.mnt_ns.mounts, 's')!;
    assert.equal(copy.mnt_group_id, original.mnt_group_id);
    assert.equal(copy.mnt_sb, original.mnt_sb);
    assert.equal(shell.pwd.mnt, copy);
    assert.equal(top.pwd.mnt, original);
  });

  it('should lock every copied mount but the root, and make shared copies slaves, for another user namespace', () => {
    const { s, newest } = session(['mkdir /mnt/s', 'mount -t tmpfs none /mnt/s', 'mount --make-shared /mnt/s', 'unshare -Urm --propagation unchanged']);
    const shell = newest();
    assert.equal(shell.user_ns.level, 1);
    assert.equal(shell.mnt_ns.user_ns, shell.user_ns);
    const root = shell.mnt_ns.root;
    for (const m of subtree(root)) assert.equal((m.mnt_flags & MNT_LOCKED) !== 0, m !== root, `mount ${m.mnt_id}`);
    const copy = byMountpoint(shell.mnt_ns.mounts, 's')!;
    assert.equal(copy.mnt_group_id, 0);
    assert.equal(copy.mnt_master, byMountpoint(s.topTask.mnt_ns.mounts, 's'));
  });

  it('should tear the namespace down with its last process, and leave what it propagated', () => {
    const { s, newest } = session(['mkdir /mnt/s', 'mount -t tmpfs none /mnt/s', 'mount --make-shared /mnt/s', 'mkdir /mnt/s/y', 'unshare -m --propagation unchanged', 'mount -t tmpfs none /mnt/s/y']);
    const ns = newest().mnt_ns;
    const mounts = [...ns.mounts];
    s.run({ command: 'exit', file: 'test', line: 7 });
    assert.equal(s.kernel.namespaces.has(ns), false);
    assert.ok(mounts.every((m) => m.freed), 'every mount of the copy is freed');
    assert.ok(byMountpoint(s.topTask.mnt_ns.mounts, 'y'), 'the propagated mount stays in the original');
  });
});
