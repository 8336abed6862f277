// The propagation graph, looked at from inside: rings, slave lists and the
// order copies are made in, after transcripts on the mainline model.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MNT_SHARED } from '../kernel/constants';
import type { Kernel, Mount } from '../kernel/types';
import { checkInvariants } from '../invariants';
import { pathFromRoot } from '../fs/namei';
import { ModelSession } from '../shell/session';
import { peerRing } from './pnode';
import { nextGroup, propagationNext } from './propagation-next';

function session(commands: readonly string[]): ModelSession {
  const s = new ModelSession('mainline');
  commands.forEach((command, i) => {
    const r = s.run({ command, file: 'test', line: i + 1 });
    assert.notEqual(r.status, null, `"${command}" did not finish`);
  });
  return s;
}

/** Where the top shell sees a mount's root. */
function fsPathOf(k: Kernel, m: Mount): string | null {
  const top = [...k.tasks.values()][0]!;
  return pathFromRoot({ mnt: m, dentry: m.mnt_root }, top.root);
}

/** The mounted mount shown at `path` (the top of its stack). */
function at(k: Kernel, path: string): Mount {
  const found = [...k.mounts].filter((m) => m.mnt_ns === k.init_ns && fsPathOf(k, m) === path);
  assert.ok(found.length, `nothing is mounted at ${path}`);
  return found.reduce((a, b) => (a.mnt_id > b.mnt_id ? a : b));
}

const paths = (k: Kernel, ms: readonly (Mount | null)[]) => ms.map((m) => (m ? fsPathOf(k, m) : null));

describe('peer rings and slave lists', () => {
  it('should put a bind of a shared mount right after it on the ring', () => {
    const { kernel: k } = session(['mkdir /b /c', 'mount --make-shared /mnt', 'mount --bind /mnt /b', 'mount --bind /mnt /c']);
    assert.deepEqual(paths(k, peerRing(at(k, '/mnt'))), ['/mnt', '/c', '/b']);
  });

  it('should make --make-slave hand the mount to the next peer as its master, at the head of its slave list', () => {
    const { kernel: k } = session(['mkdir /b /c', 'mount --make-shared /mnt', 'mount --bind /mnt /b', 'mount --bind /mnt /c', 'mount --make-slave /b', 'mount --make-slave /c']);
    const mnt = at(k, '/mnt');
    assert.deepEqual(paths(k, peerRing(mnt)), ['/mnt']);
    assert.deepEqual(paths(k, mnt.mnt_slave_list), ['/c', '/b']);
    assert.equal(at(k, '/b').mnt_master, mnt);
    assert.equal(at(k, '/b').mnt_flags & MNT_SHARED, 0);
  });

  it('should release a group id when its last member leaves, and reuse the lowest free one', () => {
    const { kernel: k } = session(['mkdir /mnt/a', 'mount -t tmpfs none /mnt/a', 'mount --make-shared /mnt', 'mount --make-shared /mnt/a', 'mount --make-private /mnt', 'mount --make-shared /proc']);
    assert.equal(at(k, '/mnt/a').mnt_group_id, 2);
    assert.equal(at(k, '/proc').mnt_group_id, 1);
    assert.deepEqual([...k.mnt_group_ida].sort(), [1, 2]);
  });
});

describe('the order of propagation', () => {
  it('should walk the propagation tree depth first: each peer, then the slaves it holds', () => {
    const { kernel: k } = session([
      'mkdir /p /s /ss',
      'mount --make-shared /mnt',
      'mount --bind /mnt /p',
      'mount --bind /mnt /s',
      'mount --make-slave /s',
      'mount --make-shared /s',
      'mount --bind /s /ss',
      'mount --make-slave /ss',
    ]);
    const mnt = at(k, '/mnt');
    const walked: (string | null)[] = [];
    for (let m = propagationNext(mnt, mnt); m; m = propagationNext(m, mnt)) walked.push(fsPathOf(k, m));
    // --make-slave /s made it a slave of its next peer, /p (the ring is /mnt, /s, /p).
    assert.deepEqual(walked, ['/p', '/s', '/ss']);
    const groups: (string | null)[] = [];
    for (let m: Mount | null = mnt; m; m = nextGroup(m, mnt)) groups.push(fsPathOf(k, m));
    assert.deepEqual(groups, ['/mnt', '/s', '/ss']);
  });

  it('should create the copies of a new mount in that order, so mount ids follow it', () => {
    const { kernel: k } = session(['mkdir /p /s /mnt/x', 'mount --make-shared /mnt', 'mount --bind /mnt /s', 'mount --make-slave /s', 'mount --bind /mnt /p', 'mount -t tmpfs none /mnt/x']);
    const copies = [at(k, '/mnt/x'), at(k, '/p/x'), at(k, '/s/x')];
    assert.deepEqual(copies.map((m) => m.mnt_id - copies[0]!.mnt_id), [0, 1, 2]);
    assert.equal(at(k, '/s/x').mnt_master?.mnt_group_id, at(k, '/mnt/x').mnt_group_id); // the last copy made in that group (find_master())
  });
});

describe('unmounting under shared mounts', () => {
  it('should slide a mount that sat on a departing copy into the copy\'s place', () => {
    const { kernel: k } = session(['mkdir /b /mnt/b', 'mount --make-shared /mnt', 'mount --bind /mnt /b', 'mount --make-slave /b', 'mount -t tmpfs none /b/b', 'mount -t tmpfs none /mnt/b', 'umount /mnt/b']);
    const kept = at(k, '/b/b');
    assert.equal(kept.mnt_parent, at(k, '/b'));
    assert.equal(kept.mnt_group_id, 0);
    checkInvariants(k);
  });
});

describe('checkInvariants on the propagation graph', () => {
  it('should call a one-sided peer ring an engine bug', () => {
    const { kernel: k } = session(['mkdir /b', 'mount --make-shared /mnt', 'mount --bind /mnt /b']);
    const mnt = at(k, '/mnt');
    mnt.mnt_share.prev = mnt;
    assert.throws(() => checkInvariants(k), /peer ring of mount \d+ is not symmetric/);
  });

  it('should call a slave its master does not list an engine bug', () => {
    const { kernel: k } = session(['mkdir /b', 'mount --make-shared /mnt', 'mount --bind /mnt /b', 'mount --make-slave /b']);
    at(k, '/mnt').mnt_slave_list.length = 0;
    assert.throws(() => checkInvariants(k), /names \d+ as master, which does not list it once/);
  });
});
