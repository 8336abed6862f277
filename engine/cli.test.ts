import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from './cli';

const dir = mkdtempSync(join(tmpdir(), 'mountspec-cli-'));
const CLOSE_THEN_MOUNT = join(__dirname, '..', 'examples', 'close-then-mount.txt');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const status = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { status, out, err };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('mountspec run', () => {
  it('should report umount -l stuck with a soft lockup on v12 (close-then-mount)', async () => {
    const { status, out } = await cli('run', '--kernel', 'v12', '--json', CLOSE_THEN_MOUNT);
    assert.equal(status, 0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    const umount = lines.find((l) => l.command === 'umount -l /mnt');
    assert.equal(umount.stuck, true);
    assert.equal(umount.status, null);
    assert.match(umount.kernel[0], /soft lockup/);
  });

  it('should report status 32 for the move and nothing stuck on mainline', async () => {
    const { out } = await cli('run', '--kernel', 'mainline', '--json', CLOSE_THEN_MOUNT);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.find((l) => l.command === 'mount --move . /mnt && cd /').status, 32);
    assert.ok(lines.every((l) => l.stuck === false));
  });

  it('should print exactly the six keys per command, in order', async () => {
    const { out } = await cli('run', '--kernel', 'mainline', '--json', file('one.txt', '# ls /mnt\n'));
    assert.deepEqual(Object.keys(JSON.parse(out)), ['command', 'status', 'stdout', 'stderr', 'kernel', 'stuck']);
  });

  it('should print the session as a terminal shows it, kernel lines and all', async () => {
    const { out } = await cli('run', '--kernel', 'v12', CLOSE_THEN_MOUNT);
    assert.match(out, /^\[mountspec\] kernel: v12 /);
    assert.match(out, /# umount -l \/mnt\nwatchdog: BUG: soft lockup - CPU#0 stuck for 22s! \[umount:\d+\]\nRIP: 0010:pin_kill\n/);
    assert.match(out, /-- stuck: "umount -l \/mnt" never returned/);
  });

  for (const [what, argv, message] of [
    ['an unknown kernel', ['run', '--kernel', 'v13', CLOSE_THEN_MOUNT], /unknown kernel "v13"/],
    ['a missing file', ['run', '--kernel', 'v12', join(dir, 'nope.txt')], /nope\.txt: no such file/],
    ['no --kernel', ['run', CLOSE_THEN_MOUNT], /--kernel is required/],
    ['an unknown option', ['run', '--kernel', 'v12', '--frob', CLOSE_THEN_MOUNT], /Unknown option '--frob'/],
    ['no command', [], /no command given/],
  ] as const) {
    it(`should refuse ${what} with one clear line and exit 2`, async () => {
      const { status, err } = await cli(...argv);
      assert.equal(status, 2);
      assert.match(err, message);
      assert.doesNotMatch(err, /\n\s+at /); // no stack trace
    });
  }

  it('should name the file and line of a line outside the dialect, and run nothing', async () => {
    const path = file('pipe.txt', 'narrative\n# mkdir /mnt/a\n# ls /mnt | cat\n');
    const { status, out, err } = await cli('run', '--kernel', 'mainline', path);
    assert.equal(status, 2);
    assert.equal(out, '');
    assert.equal(err, `mountspec: ${path}:3: pipes are not in the dialect: "ls /mnt | cat"\n`);
  });

  it('should refuse a transcript with no command lines', async () => {
    const { status, err } = await cli('run', '--kernel', 'mainline', file('empty.txt', 'just words\n'));
    assert.equal(status, 2);
    assert.match(err, /no command lines/);
  });
});
