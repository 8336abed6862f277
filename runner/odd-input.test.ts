// Odd but legal input, where the model once parted ways with the live kernel
// (issue 10): names past NAME_MAX and PATH_MAX, fds near RLIMIT_NOFILE, a
// mountpoint with a space in it, /proc/PID/root. Each transcript runs on the
// mainline model, whose answer is checked, and then on the live kernel,
// where the differential check must find nothing. A NUL byte and fds past
// the limit are refused by the dialect on both (the last tests).

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createBackend } from '../engine/backends';
import { BackendUnavailable, DialectError, type Backend, type CommandResult, type TranscriptLine } from '../engine/transcript/types';
import { describeDisagreement, disagreements } from './differential';

function transcript(...commands: string[]): TranscriptLine[] {
  return commands.map((command, i) => ({ command, file: 'odd.txt', line: i + 1 }));
}

const LONG = 'x'.repeat(100_000);
const NAME_256 = 'y'.repeat(256);
const NAME_255 = 'z'.repeat(255);

interface Case {
  readonly name: string;
  readonly lines: readonly TranscriptLine[];
  /** What the model must answer, whatever the live kernel says. */
  readonly expect: (results: readonly CommandResult[]) => void;
}

const CASES: readonly Case[] = [
  {
    name: 'a 100,000-character file name: ENAMETOOLONG (PATH_MAX) before any lookup',
    lines: transcript(`mkdir /mnt/${LONG}`, `touch /mnt/${LONG}`, `ls /mnt/${LONG}`, 'ls /mnt'),
    expect: (r) => {
      assert.equal(r[0]!.stderr, `mkdir: cannot create directory '/mnt/${LONG}': File name too long\n`);
      assert.equal(r[1]!.stderr, `touch: cannot touch '/mnt/${LONG}': File name too long\n`);
      assert.equal(r[2]!.status, 2);
      assert.equal(r[3]!.stdout, '');
    },
  },
  {
    name: 'a 256-byte name: ENAMETOOLONG (NAME_MAX) from tmpfs lookup; 255 bytes is fine',
    lines: transcript(`mkdir /mnt/${NAME_256}`, `mkdir /mnt/nope/${NAME_256}`, `touch /mnt/${NAME_256}`, `cd /mnt/${NAME_256}`, `mkdir /mnt/${NAME_255}`, 'ls /mnt'),
    expect: (r) => {
      assert.match(r[0]!.stderr, /: File name too long\n$/);
      assert.match(r[1]!.stderr, /: No such file or directory\n$/); // the walk fails on "nope" first
      assert.match(r[2]!.stderr, /: File name too long\n$/);
      assert.match(r[3]!.stderr, /cd: .*: File name too long\n$/);
      assert.equal(r[4]!.status, 0);
      assert.equal(r[5]!.stdout, `${NAME_255}\n`);
    },
  },
  {
    name: 'fds up to RLIMIT_NOFILE - 1 (1023), the most the dialect allows: bash opens, dups and closes them',
    lines: transcript('exec 1023</mnt', 'ls /proc/self/fd/1023', 'exec 3<&1022', 'exec 1022<&1023', 'exec 1023<&-', 'exec 1022<&-'),
    expect: (r) => {
      assert.deepEqual(r.map((x) => x.status), [0, 0, 1, 0, 0, 0]);
      assert.equal(r[2]!.stderr, 'bash: line 3: 1022: Bad file descriptor\n');
    },
  },
  {
    name: "a mount on '/mnt/a b': mountinfo escapes the space as \\040, mount(8) shows it decoded",
    lines: transcript("mkdir '/mnt/a b' '/mnt/t\tab' '/mnt/back\\slash'", "mount -t tmpfs none '/mnt/a b'", "mount -t tmpfs none '/mnt/t\tab'", "mount -t tmpfs none '/mnt/back\\slash'", 'cat /proc/self/mountinfo', 'mount', "umount '/mnt/a b'", 'cat /proc/self/mountinfo'),
    expect: (r) => {
      const mountinfo = r[4]!.stdout;
      assert.match(mountinfo, / \/mnt\/a\\040b rw/);
      assert.match(mountinfo, / \/mnt\/t\\011ab rw/);
      assert.match(mountinfo, / \/mnt\/back\\134slash rw/);
      assert.match(r[5]!.stdout, /^none on \/mnt\/a b type tmpfs/m);
      assert.match(r[5]!.stdout, /^none on \/mnt\/t\?ab type tmpfs/m); // mount(8) prints a control character as "?"
      assert.equal(r[6]!.status, 0);
      assert.doesNotMatch(r[7]!.stdout, /a\\040b/);
    },
  },
  {
    name: '/proc/1/root: a magic link to PID 1\'s root, and ".." stays there',
    lines: transcript('ls /proc/1/root/../../..', 'ls /proc/1/root/mnt', 'ls /proc/99999/root'),
    expect: (r) => {
      assert.equal(r[0]!.stdout, 'bin\nlib\nlib64\nmnt\nproc\nrun\n');
      assert.equal(r[1]!.status, 0);
      assert.equal(r[2]!.stderr, "ls: cannot access '/proc/99999/root': No such file or directory\n");
    },
  },
];

describe('odd input: the model answers as bash and the kernel do', async () => {
  let mainline: Backend;
  let live: Backend | BackendUnavailable;
  before(async () => {
    mainline = await createBackend('mainline');
    live = await createBackend('live').catch((error: unknown) => {
      if (error instanceof BackendUnavailable) return error;
      throw error;
    });
  });

  for (const c of CASES) {
    it(`should agree on ${c.name}`, async (t) => {
      const model = await mainline.run(c.lines);
      c.expect(model);
      if (live instanceof BackendUnavailable) return t.skip(`live: ${live.message}`);
      const found = disagreements(model, await live.run(c.lines));
      assert.equal(found.length, 0, found.map(describeDisagreement).join('\n'));
    });
  }

  // The dialect refuses these before anything runs, on both backends: bash
  // would drop a NUL byte, answer EBADF past RLIMIT_NOFILE (the kernel's
  // dup2()), and read digits past INT_MAX as a word.
  for (const command of ['mkdir /mnt/a\0b', 'exec 99999</mnt', 'exec 1024</mnt', 'exec 3<&99999', 'exec 99999999999999999999</mnt']) {
    it(`should refuse ${JSON.stringify(command)} on both, naming the line`, async () => {
      const lines = transcript('true', command);
      const refused = (error: unknown) => error instanceof DialectError && error.place.line === 2;
      await assert.rejects(mainline.run(lines), refused);
      if (live instanceof BackendUnavailable) return;
      await assert.rejects(live.run(lines), refused);
    });
  }
});
