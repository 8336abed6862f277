import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, sep } from 'node:path';
import { describe, it } from 'node:test';
import { BACKEND_IDS } from './backends';
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
    ['a repeated option', ['run', '--kernel=mainline', '--kernel=live', CLOSE_THEN_MOUNT], /--kernel is given more than once/],
    ['a repeated flag', ['run', '--kernel', 'mainline', '--json', '--json', CLOSE_THEN_MOUNT], /--json is given more than once/],
    ['two files', ['run', '--kernel', 'mainline', CLOSE_THEN_MOUNT, CLOSE_THEN_MOUNT], /exactly one transcript FILE/],
    ['an argument to variants', ['variants', 'x'], /variants takes no arguments/],
    ['an unknown command', ['frob'], /unknown command "frob"/],
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

  it('should refuse invalid UTF-8 in a transcript, naming its file and line', async () => {
    const path = join(dir, 'latin1.txt');
    writeFileSync(path, Buffer.concat([Buffer.from('# mkdir /mnt/a\nnarrative\n# ls /mnt/'), Buffer.from([0xe9, 0x0a]), Buffer.from('# ls /mnt\n')]));
    const { status, out, err } = await cli('run', '--kernel', 'mainline', path);
    assert.equal(status, 2);
    assert.equal(out, '');
    assert.equal(err, `mountspec: ${path}:3: invalid UTF-8: a transcript is UTF-8 text\n`);
  });

  it('should check the arguments before the engine or ts-node loads (bin/mountspec.js)', () => {
    // A hook prints every module loaded once the process ends: a usage error must have loaded none of the engine.
    const hook = file('hook.js', "process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));\n");
    const child = spawnSync(process.execPath, ['--require', hook, join(__dirname, '..', 'bin', 'mountspec.js'), 'run', '--kernel=mainline', '--kernel=live', CLOSE_THEN_MOUNT], { encoding: 'utf8' });
    assert.equal(child.status, 2);
    assert.match(child.stderr, /^mountspec: --kernel is given more than once\n/);
    const loaded = JSON.parse(/LOADED (.*)/.exec(child.stderr)![1]!) as string[];
    assert.ok(loaded.some((m) => m.endsWith(join('bin', 'args.js'))), 'the hook sees the modules');
    assert.deepEqual(loaded.filter((m) => m.includes(`${sep}engine${sep}`) || m.includes('ts-node') || m.includes('typescript')), []);
  });

  it('should run a transcript through bin/mountspec.js once the arguments are good', () => {
    const child = spawnSync(process.execPath, [join(__dirname, '..', 'bin', 'mountspec.js'), 'run', '--kernel', 'mainline', '--json', file('ok.txt', '# ls /mnt\n')], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(JSON.parse(child.stdout).status, 0);
  });

  it('should refuse a transcript with no command lines', async () => {
    const { status, err } = await cli('run', '--kernel', 'mainline', file('empty.txt', 'just words\n'));
    assert.equal(status, 2);
    assert.match(err, /no command lines/);
  });
});

describe('bin/args.js', () => {
  it("knows the engine's kernels (the spec's list in cucumber.js is BACKEND_IDS)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    assert.deepEqual(require('../cucumber.js').KERNELS, [...BACKEND_IDS]);
  });
});
