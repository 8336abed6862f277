import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DialectError, type Backend } from '../transcript/types';
import { createLiveBackend } from './index';
import { descendants } from './procfs';
import { liveSkip, transcript, visible } from './test-support';

// Whatever happens to a run -- a hang, a line outside the dialect, our own
// process interrupted -- the host must not keep anything of it: no mount,
// no process, no temp directory.

const hostMountinfo = () => readFileSync('/proc/self/mountinfo', 'utf8');
const REPO = resolve(__dirname, '..', '..');

describe('live backend cleanup', { skip: liveSkip }, () => {
  let live: Backend;
  let scratch: string;
  let mountinfoBefore: string;
  const tmpdirBefore = process.env.TMPDIR;
  before(async () => {
    // Runs must put nothing here (older ones put their temp directories here), so we can see that none is left.
    scratch = mkdtempSync(join(tmpdir(), 'mountspec-cleanup-test-'));
    process.env.TMPDIR = scratch;
    live = await createLiveBackend({ timeoutMs: 400 });
    mountinfoBefore = hostMountinfo();
  });
  after(() => {
    if (tmpdirBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdirBefore;
    rmSync(scratch, { recursive: true, force: true }); // only node's own caches are left in it
  });

  const assertNothingLeft = (): void => {
    assert.equal(hostMountinfo(), mountinfoBefore, 'the host mount table is unchanged');
    assert.deepEqual(readdirSync(scratch).filter((name) => name.startsWith('mountspec-live-')), [], 'no temp directory is left');
    assert.deepEqual(descendants(process.pid).slice(1), [], 'no process of ours is left');
  };

  it('should report a hanging command stuck, the lines after it too, and still finish', async () => {
    const started = Date.now();
    const results = await live.run(transcript('mkdir /mnt/a', 'cat /proc/self/fd/0  # reads the shell’s stdin: never returns', 'ls /mnt'));
    assert.ok(Date.now() - started < 5000, 'the run ends soon after the timeout');
    assert.deepEqual(results.map(visible), [
      { command: 'mkdir /mnt/a', status: 0, stuck: false, stdout: '', stderr: '' },
      { command: 'cat /proc/self/fd/0  # reads the shell’s stdin: never returns', status: null, stuck: true, stdout: '', stderr: '' },
      { command: 'ls /mnt', status: null, stuck: true, stdout: '', stderr: '' },
    ]);
    assert.equal(results[2]!.mountinfo, results[0]!.mountinfo, 'the lines after a stuck one keep the last mount table seen');
    assertNothingLeft();
  });

  it('should reject a line outside the dialect with its place before creating anything', async () => {
    await assert.rejects(live.run(transcript('mkdir /mnt/a', 'ls /mnt | cat', 'ls /mnt')), (error: unknown) => {
      assert.ok(error instanceof DialectError);
      assert.equal(error.message, 'test.txt:2: pipes are not in the dialect: "ls /mnt | cat"');
      return true;
    });
    assertNothingLeft();
  });

  it('should report the top shell exiting and the lines it never read', async () => {
    const results = await live.run(transcript('exit 3', 'ls /'));
    assert.deepEqual(results.map(visible), [
      { command: 'exit 3', status: 3, stuck: false, stdout: '', stderr: '' },
      { command: 'ls /', status: null, stuck: true, stdout: '', stderr: '' },
    ]);
    assertNothingLeft();
  });

  it('should kill the namespace when our process is interrupted mid-run', async () => {
    const script = `require(${JSON.stringify(join(__dirname, 'index.ts'))}).createLiveBackend({ timeoutMs: 60000 })
      .then((b) => b.run([{ command: 'mkdir /mnt/a', file: 't', line: 1 }, { command: 'cat /proc/self/fd/0', file: 't', line: 2 }]));`;
    const child = spawn(process.execPath, ['--require', 'ts-node/register/transpile-only', '-e', script], {
      cwd: REPO,
      env: { ...process.env, TMPDIR: scratch },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | number | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)));
    // Wait until the namespace is up and its `cat` hangs.
    let inside: number[] = [];
    for (let i = 0; i < 300 && !inside.some(isCat); i++) {
      await new Promise((done) => setTimeout(done, 50));
      inside = descendants(child.pid!).slice(1);
    }
    assert.ok(inside.some(isCat), 'the run got as far as the hanging cat');
    child.kill('SIGINT');
    assert.equal(await exited, 'SIGINT', 'the process still dies of the signal');
    for (const pid of inside) assert.equal(existsSync(`/proc/${pid}`), false, `process ${pid} of the namespace is gone: ${procStat(pid)}`);
    assertNothingLeft();
  });
});

function procStat(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 'gone';
  }
}

function isCat(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'cat';
  } catch {
    return false;
  }
}

// `kill -9` gives no handler a chance: what is left must die by itself (the
// parent-death signal) and nothing may have been put on the host to sweep.
// The four kills run side by side, each with a TMPDIR of its own: a run is
// mostly node starting up.
describe('live set-up killed with SIGKILL', { skip: liveSkip, concurrency: true }, () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'mountspec-kill-test-'));
  });
  after(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  // Kill at the first process of the set-up, then a little later each time, to land in its different steps.
  for (const delayMs of [0, 10, 40, 120]) {
    it(`should leave no process, no temp directory and no mount when killed ${delayMs} ms into the set-up`, async () => {
      const mountinfoBefore = hostMountinfo();
      const tmp = mkdtempSync(join(scratch, `kill-${delayMs}-`));
      const transcriptFile = join(tmp, 't.txt');
      writeFileSync(transcriptFile, '# mkdir /mnt/a\n# ls /mnt\n');
      const child = spawn(process.execPath, [join(REPO, 'bin', 'mountspec.js'), 'run', '--kernel', 'live', transcriptFile], {
        cwd: REPO,
        env: { ...process.env, TMPDIR: tmp },
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | number | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)));
      let inside: number[] = [];
      for (let i = 0; i < 2000 && inside.length === 0; i++) {
        await new Promise((done) => setTimeout(done, 2));
        inside = descendants(child.pid!).slice(1);
      }
      assert.ok(inside.length > 0, 'the set-up started');
      await new Promise((done) => setTimeout(done, delayMs));
      inside = [...new Set([...inside, ...descendants(child.pid!).slice(1)])];
      child.kill('SIGKILL');
      assert.equal(await exited, 'SIGKILL');
      for (let i = 0; i < 200 && inside.some((pid) => existsSync(`/proc/${pid}`)); i++) await new Promise((done) => setTimeout(done, 10));
      for (const pid of inside) assert.equal(existsSync(`/proc/${pid}`), false, `process ${pid} of the set-up is gone: ${procStat(pid)}`);
      assert.deepEqual(readdirSync(tmp).filter((name) => name.startsWith('mountspec-live-')), [], 'no /tmp/mountspec-live-* is left');
      assert.equal(hostMountinfo(), mountinfoBefore, 'the host mount table is unchanged');
    });
  }
});
