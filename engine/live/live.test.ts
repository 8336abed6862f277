import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { Backend } from '../transcript/types';
import { ROOT_DIRECTORIES } from '../kernel/boot';
import { buildHelpers, HELPER_NAMES } from './helpers';
import { createLiveBackend } from './index';
import { liveSkip, normaliseMountinfo, transcript, visible } from './test-support';

// Outputs recorded on Linux 6.18, bash 5.2.15, util-linux 2.38.1, coreutils 9.1 (Debian 12).

const INITIAL = 'M1 P0 0:D1 / / rw,relatime - tmpfs none rw\nM2 M1 0:D2 / /proc rw,relatime - proc proc rw\nM3 M1 0:D3 / /mnt rw,relatime - tmpfs none rw\n';

describe('live backend', { skip: liveSkip }, () => {
  let live: Backend;
  before(async () => {
    live = await createLiveBackend();
  });

  it('should build the helpers, idempotently', () => {
    const first = buildHelpers();
    const again = buildHelpers();
    assert.deepEqual(again, first);
    for (const name of HELPER_NAMES) assert.ok(existsSync(first[name]), name);
  });

  it('should describe itself by the kernel release', () => {
    assert.equal(live.id, 'live');
    assert.match(live.description, /^live kernel \d+\.\d+/);
  });

  it('should start from a root with only /, /proc and /mnt mounted', async () => {
    const [cat, ls] = await live.run(transcript('cat /proc/self/mountinfo', 'ls /'));
    assert.equal(cat!.status, 0);
    assert.equal(normaliseMountinfo(cat!.stdout), INITIAL);
    assert.equal(cat!.mountinfo, cat!.stdout, 'the mountinfo read from outside is the shell’s own view');
    assert.equal(ls!.stdout, ROOT_DIRECTORIES.map((d) => `${d}\n`).join(''));
  });

  it('should give the exact outputs of a plain transcript', async () => {
    const results = await live.run(transcript('mkdir /mnt/a', 'ls /mnt', 'frob', 'cd /nonexistent', 'mkdir /mnt/a  # again'));
    assert.deepEqual(results.map(visible), [
      { command: 'mkdir /mnt/a', status: 0, stuck: false, stdout: '', stderr: '' },
      { command: 'ls /mnt', status: 0, stuck: false, stdout: 'a\n', stderr: '' },
      { command: 'frob', status: 127, stuck: false, stdout: '', stderr: 'bash: line 3: frob: command not found\n' },
      { command: 'cd /nonexistent', status: 1, stuck: false, stdout: '', stderr: 'bash: line 4: cd: /nonexistent: No such file or directory\n' },
      { command: 'mkdir /mnt/a  # again', status: 1, stuck: false, stdout: '', stderr: "mkdir: cannot create directory '/mnt/a': File exists\n" },
    ]);
    for (const result of results) assert.equal(normaliseMountinfo(result.mountinfo), INITIAL);
  });

  it('should report the mount table after each command', async () => {
    const [made, mounted, unmounted] = await live.run(transcript('mkdir /mnt/x', 'mount -t tmpfs none /mnt/x', 'umount /mnt/x'));
    assert.equal(normaliseMountinfo(made!.mountinfo), INITIAL);
    assert.equal(normaliseMountinfo(mounted!.mountinfo), `${INITIAL}M4 M3 0:D4 / /mnt/x rw,relatime - tmpfs none rw\n`);
    assert.equal(unmounted!.status, 0);
    assert.equal(normaliseMountinfo(unmounted!.mountinfo), INITIAL);
  });

  it('should run a nested shell and give its exit status to the exit line', async () => {
    const results = await live.run(transcript('open_tree_clone 3</mnt 3 sh', 'cat /nope', 'exit', 'ls /proc/self/fd', 'sh', 'exit 5'));
    assert.deepEqual(results.map(visible), [
      { command: 'open_tree_clone 3</mnt 3 sh', status: null, stuck: false, stdout: '', stderr: '' },
      { command: 'cat /nope', status: 1, stuck: false, stdout: '', stderr: 'cat: /nope: No such file or directory\n' },
      { command: 'exit', status: 1, stuck: false, stdout: '', stderr: '' },
      { command: 'ls /proc/self/fd', status: 0, stuck: false, stdout: '0\n1\n2\n3\n', stderr: '' },
      { command: 'sh', status: null, stuck: false, stdout: '', stderr: '' },
      { command: 'exit 5', status: 5, stuck: false, stdout: '', stderr: '' },
    ]);
  });

  it('should report a failing helper with its own status and message', async () => {
    const results = await live.run(transcript('open_tree_clone 3 sh', 'move_mount 3 /mnt', 'open_tree_clone 3</nope 3 sh'));
    assert.deepEqual(results.map(visible), [
      { command: 'open_tree_clone 3 sh', status: 1, stuck: false, stdout: '', stderr: 'open_tree_clone: Bad file descriptor\n' },
      { command: 'move_mount 3 /mnt', status: 1, stuck: false, stdout: '', stderr: 'move_mount: Bad file descriptor\n' },
      { command: 'open_tree_clone 3</nope 3 sh', status: 1, stuck: false, stdout: '', stderr: 'bash: line 3: /nope: No such file or directory\n' },
    ]);
  });

  it('should let each shell count only the lines it read itself', async () => {
    const results = await live.run(transcript('sh', 'frob', 'exit', 'frob'));
    assert.equal(results[1]!.stderr, 'sh: line 1: frob: command not found\n');
    assert.equal(results[2]!.status, 127, 'a bare exit passes on the last status');
    // The top bash read lines 1 and 4 only: the nested sh read 2 and 3.
    assert.equal(results[3]!.stderr, 'bash: line 2: frob: command not found\n');
  });
});
