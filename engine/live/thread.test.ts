import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Backend, CommandResult } from '../transcript/types';
import { createLiveBackend } from './index';
import { liveSkip, normaliseMountinfo, transcript, visible } from './test-support';

// The thread's three sessions (move-mount-open-tree-clone-v12.txt), replayed
// on the real kernel. Recorded on Linux 6.18 with util-linux 2.38.1: the
// mainline semantics, where none of the v12 bugs exist.

const ROOT = 'M1 P0 0:D1 / / rw,relatime - tmpfs none rw\nM2 M1 0:D2 / /proc rw,relatime - proc proc rw\n';
const MNT = 'M3 M1 0:D3 / /mnt rw,relatime - tmpfs none rw\n';
/** The clone of /mnt, moved on top of it: same superblock (0:D3). */
const CLONE_ON_MNT = 'M4 M3 0:D3 / /mnt rw,relatime - tmpfs none rw\n';
const EINVAL_MOVE =
  'mount: /mnt: wrong fs type, bad option, bad superblock on ., missing codepage or helper program, or other error.\n       dmesg(1) may have more information after failed mount system call.\n';

const ok = (command: string, status: number | null = 0, stderr = '') => ({ command, status, stuck: false, stdout: '', stderr });
const tables = (results: CommandResult[]) => results.map((r) => normaliseMountinfo(r.mountinfo));

describe('the thread on the live kernel', { skip: liveSkip }, () => {
  let live: Backend;
  before(async () => {
    live = await createLiveBackend();
  });

  it('should refuse to unmount /mnt while the clone fd points into it (EBUSY session)', async () => {
    const results = await live.run(
      transcript('open_tree_clone 3</mnt 3 sh', 'cd /proc/self/fd/3', 'mount --move . /mnt', 'cd /', 'umount /mnt', 'exit'),
    );
    assert.deepEqual(results.map(visible), [
      ok('open_tree_clone 3</mnt 3 sh', null),
      ok('cd /proc/self/fd/3'),
      ok('mount --move . /mnt'),
      ok('cd /'),
      ok('umount /mnt', 32, 'umount: /mnt: target is busy.\n'),
      ok('exit', 32), // a bare exit passes on the last status
    ]);
    assert.deepEqual(tables(results), [ROOT + MNT, ROOT + MNT, ROOT + MNT + CLONE_ON_MNT, ROOT + MNT + CLONE_ON_MNT, ROOT + MNT + CLONE_ON_MNT, ROOT + MNT + CLONE_ON_MNT]);
    for (const result of results) assert.deepEqual(result.kernel, []);
  });

  it('should refuse the move once the clone fd is closed (close-then-mount)', async () => {
    const results = await live.run(
      transcript('open_tree_clone 3</mnt 3 sh', 'cd /proc/self/fd/3', 'exec 3<&-  # close FD 3', 'mount --move . /mnt && cd /', 'umount -l /mnt', 'exit'),
    );
    assert.deepEqual(results.map(visible), [
      ok('open_tree_clone 3</mnt 3 sh', null),
      ok('cd /proc/self/fd/3'),
      ok('exec 3<&-  # close FD 3'),
      // Closing the last fd dissolved the clone; the shell's cwd is in an unmounted tree.
      ok('mount --move . /mnt && cd /', 32, EINVAL_MOVE),
      // So the lazy umount takes the original /mnt, and nothing locks up.
      ok('umount -l /mnt'),
      ok('exit'),
    ]);
    assert.deepEqual(tables(results), [ROOT + MNT, ROOT + MNT, ROOT + MNT, ROOT + MNT, ROOT, ROOT]);
    for (const result of results) assert.deepEqual(result.kernel, []);
  });

  it('should detach the moved clone and close its fd without a lockup (mount-then-close)', async () => {
    const results = await live.run(
      transcript('open_tree_clone 3</mnt 3 sh', 'cd /proc/self/fd/3', 'mount --move . /mnt && cd /', 'umount -l /mnt', 'exec 3<&-  # close FD 3', 'exit'),
    );
    assert.deepEqual(results.map(visible), [
      ok('open_tree_clone 3</mnt 3 sh', null),
      ok('cd /proc/self/fd/3'),
      ok('mount --move . /mnt && cd /'),
      ok('umount -l /mnt'),
      ok('exec 3<&-  # close FD 3'),
      ok('exit'),
    ]);
    assert.deepEqual(tables(results), [ROOT + MNT, ROOT + MNT, ROOT + MNT + CLONE_ON_MNT, ROOT + MNT, ROOT + MNT, ROOT + MNT]);
    for (const result of results) assert.deepEqual(result.kernel, []);
  });

  it('should refuse move_mount from a second file once the clone fd is closed', async () => {
    const results = await live.run(transcript('open_tree_clone 3</mnt 3 sh', 'exec 4</proc/self/fd/3', 'exec 3<&-', 'move_mount 4 /mnt', 'exit'));
    assert.deepEqual(results.map(visible), [
      ok('open_tree_clone 3</mnt 3 sh', null),
      ok('exec 4</proc/self/fd/3'),
      ok('exec 3<&-'),
      ok('move_mount 4 /mnt', 1, 'move_mount: Invalid argument\n'),
      ok('exit', 1),
    ]);
    assert.deepEqual(tables(results), Array(5).fill(ROOT + MNT));
  });

  it('should keep the tree moved from a second file when the clone fd is closed after', async () => {
    const results = await live.run(transcript('open_tree_clone 3</mnt 3 sh', 'exec 4</proc/self/fd/3', 'move_mount 4 /mnt', 'exec 3<&-', 'umount -l /mnt', 'exit'));
    assert.deepEqual(results.map(visible), [
      ok('open_tree_clone 3</mnt 3 sh', null),
      ok('exec 4</proc/self/fd/3'),
      ok('move_mount 4 /mnt'),
      ok('exec 3<&-'),
      ok('umount -l /mnt'),
      ok('exit'),
    ]);
    assert.deepEqual(tables(results), [ROOT + MNT, ROOT + MNT, ROOT + MNT + CLONE_ON_MNT, ROOT + MNT + CLONE_ON_MNT, ROOT + MNT, ROOT + MNT]);
  });

  it('should keep util-linux\'s utab in /run after a move, as on an ordinary system', async () => {
    // Without /run, libmount 2.38 moves the mount, then exits 16: "failed to update userspace mount table".
    const results = await live.run(transcript('open_tree_clone 3</mnt 3 sh', 'cd /proc/self/fd/3', 'mount --move . /mnt && cd /', 'umount /mnt', 'ls /run/mount'));
    assert.deepEqual(results.map(visible), [
      ok('open_tree_clone 3</mnt 3 sh', null),
      ok('cd /proc/self/fd/3'),
      ok('mount --move . /mnt && cd /'),
      ok('umount /mnt', 32, 'umount: /mnt: target is busy.\n'),
      { ...ok('ls /run/mount'), stdout: 'utab\nutab.lock\n' },
    ]);
  });
});
