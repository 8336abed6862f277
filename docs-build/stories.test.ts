import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommandRun } from './session';
import { errnoOf, storyLine, storyText } from './stories';

const run = (command: string, status: number | null, extra: Partial<CommandRun> = {}): CommandRun => ({ command, status, stdout: '', stderr: '', kernel: [], stuck: false, mountinfo: '', state: null, ...extra });

describe('stories', () => {
  it('should say what the commands that matter did: the set-up, then the soft lockup and where', () => {
    const line = storyText(storyLine([run('open_tree_clone 3</mnt 3 sh', null), run('cd /proc/self/fd/3', 0), run('exec 3<&- # close FD 3', 0), run('mount --move . /mnt && cd /', 0), run('umount -l /mnt', null, { stuck: true, kernel: ['watchdog: BUG: soft lockup', 'RIP: 0010:pin_kill'] }), run('exit', null, { stuck: true })]));
    assert.equal(line, '`mount --move . /mnt && cd /` succeeds, then `umount -l /mnt` soft-locks in pin_kill');
  });

  it('should name the errno behind a tool\'s message, and the status', () => {
    const line = storyText(storyLine([run('exec 3<&- # close FD 3', 0), run('mount --move . /mnt && cd /', 32, { stderr: 'mount: /mnt: wrong fs type, bad option, bad superblock on ., missing codepage or helper program, or other error.\n' })]));
    assert.equal(line, '`exec 3<&-` succeeds, then `mount --move . /mnt && cd /` fails: EINVAL, status 32');
    assert.equal(errnoOf('umount: /mnt: target is busy.\n'), 'EBUSY');
    assert.equal(errnoOf('move_mount: Invalid argument\n'), 'EINVAL');
    assert.equal(errnoOf('all is well'), null);
  });

  it('should say when every command succeeded, naming the one that changed the mounts', () => {
    assert.equal(storyText(storyLine([run('mkdir /mnt/a', 0), run('move_mount 3 /mnt/a', 0), run('ls /mnt/a', 0), run('exit', 0)])), 'every command succeeds, `move_mount 3 /mnt/a` among them');
  });

  it('should keep the commands apart from the prose, so that a page shows them as code', () => {
    const parts = storyLine([run("mount -t tmpfs 'a`b' /mnt # a backtick in quotes", 0), run('umount /mnt', 32, { stderr: 'umount: /mnt: target is busy.\n' })]);
    assert.deepEqual(parts, [{ command: "mount -t tmpfs 'a`b' /mnt" }, ' succeeds', ', then ', { command: 'umount /mnt' }, ' fails: EBUSY, status 32']);
  });
});
