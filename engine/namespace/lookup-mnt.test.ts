// mount_hashtable: chains newest first, growth that keeps that order, and
// the invariant checks that catch a chain out of step with the mounts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInvariants } from '../invariants';
import { createKernel } from '../kernel/boot';
import type { Dentry, Kernel, Mount } from '../kernel/types';
import { allocSuper, newDentry } from '../fs/super';
import { ModelSession } from '../shell/session';
import { allocVfsmnt } from './alloc';
import { hashChain, hashedMounts, hashMnt, lookupMnt, unhashMnt } from './lookup-mnt';

function session(commands: readonly string[]): ModelSession {
  const s = new ModelSession('mainline');
  commands.forEach((command, i) => {
    const r = s.run({ command, file: 'test', line: i + 1 });
    assert.equal(r.status, 0, `"${command}": ${r.stderr}`);
  });
  return s;
}

/** A kernel and a directory of its root mount to hash mounts on. */
function bare(): { k: Kernel; parent: Mount; dir: Dentry } {
  const { kernel: k } = createKernel('mainline');
  const parent = k.init_ns.root;
  return { k, parent, dir: newDentry(k, parent.mnt_root, 'dir', parent.mnt_sb, 'dir') };
}

/** A new tmpfs mount hashed on (parent, dir), as attach_mnt() hashes one. */
function hashedOn(k: Kernel, parent: Mount, dir: Dentry, source: string): Mount {
  const sb = allocSuper(k, 'tmpfs', source);
  const m = allocVfsmnt(k, sb, sb.s_root, 0);
  m.mnt_parent = parent;
  m.mnt_mountpoint = dir;
  hashMnt(k, m);
  parent.mnt_mounts.push(m);
  return m;
}

/** The mount on a directory of /mnt (the tmpfs /mnt is) in the top shell's namespace. */
function mountOn(k: Kernel, name: string): Mount {
  return [...k.mounts].find((m) => m.mnt_ns === k.init_ns && m.mnt_mountpoint.name === name && m.mnt_parent !== m)!;
}

describe('mount_hashtable', () => {
  it('should find the newest mount on a (parent, dentry) first, and the one below once it goes', () => {
    const { k, parent, dir } = bare();
    const [one, two, three] = ['one', 'two', 'three'].map((source) => hashedOn(k, parent, dir, source));
    assert.deepEqual(hashChain(k, parent, dir), [three, two, one]);
    assert.equal(lookupMnt(k, parent, dir), three);
    unhashMnt(k, three!);
    assert.equal(lookupMnt(k, parent, dir), two);
    unhashMnt(k, one!); // from the end of the chain
    assert.deepEqual(hashChain(k, parent, dir), [two]);
    assert.equal(lookupMnt(k, one!, dir), null, 'another parent, another key');
  });

  it('should keep every chain in order when the table grows past its first chains', () => {
    const { k, parent, dir } = bare();
    const before = k.mount_hashtable.buckets.length;
    const below = hashedOn(k, parent, dir, 'below');
    // One mount per chain at most before it doubles: 4 × as many mounts as chains make it grow twice.
    for (let i = 0; i < 4 * before; i++) hashedOn(k, parent, newDentry(k, parent.mnt_root, `d${i}`, parent.mnt_sb, 'dir'), 'x');
    const above = hashedOn(k, parent, dir, 'above');
    assert.ok(k.mount_hashtable.buckets.length >= 4 * before, `${k.mount_hashtable.buckets.length} chains`);
    assert.deepEqual(hashChain(k, parent, dir), [above, below]);
    assert.equal([...hashedMounts(k)].length, k.mount_hashtable.count);
  });

  it('should call a hashed mount missing from its chain an engine bug', () => {
    const { kernel: k } = session(['mkdir /mnt/a', 'mount -t tmpfs one /mnt/a']);
    const m = mountOn(k, 'a');
    const table = k.mount_hashtable;
    const i = table.buckets.indexOf(m);
    assert.ok(i >= 0, 'the newest mount heads its chain');
    table.buckets[i] = m.mnt_hash; // unlinked behind the table's back
    assert.throws(() => checkInvariants(k), /hashed mount \d+ is missing from mount_hashtable/);
  });

  it('should call a chain the count does not match an engine bug', () => {
    const { kernel: k } = session(['mkdir /mnt/a', 'mount -t tmpfs one /mnt/a']);
    k.mount_hashtable.count++;
    assert.throws(() => checkInvariants(k), /mount_hashtable counts \d+ mounts but its chains hold \d+/);
  });

  it('should call a mount on a chain it does not hash to an engine bug', () => {
    const { k, parent, dir } = bare();
    const m = hashedOn(k, parent, dir, 'one');
    k.mounts.delete(m); // freed behind the table's back: only the chains still know it
    checkInvariants(k);
    // Repointed without rehashing, it stays on the chain of its old place.
    for (let i = 0; hashChain(k, parent, m.mnt_mountpoint).includes(m); i++) m.mnt_mountpoint = newDentry(k, parent.mnt_root, `o${i}`, parent.mnt_sb, 'dir');
    assert.throws(() => checkInvariants(k), /mount \d+ is on a mount_hashtable chain it does not hash to/);
  });
});
