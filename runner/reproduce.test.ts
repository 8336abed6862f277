import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..');
const mountspec = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/mountspec.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

/** reports/ as it is: every file's bytes (none when there is no reports/ yet). */
function reports(): Map<string, string> {
  const dir = path.join(ROOT, 'reports');
  return new Map(existsSync(dir) ? readdirSync(dir).sort().map((n) => [n, readFileSync(path.join(dir, n), 'latin1')]) : []);
}

describe('mountspec reproduce', () => {
  it('should run that one scenario on that kernel, print its terminal and verdict, and leave reports/ alone', () => {
    const before = reports();
    const run = mountspec('reproduce', 'features/thread/close-then-mount.feature:41', '--kernel', 'v12');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^\[mountspec\] features\/thread\/close-then-mount\.feature:41 ".+" on v12\n# open_tree_clone 3<\/mnt 3 sh\n/);
    assert.match(run.stdout, /soft lockup/);
    assert.match(run.stdout, /\n\[mountspec\] failed as declared\n/);
    assert.deepEqual(reports(), before);
  });

  it('should refuse a target that is not FEATURE:LINE, a line with no scenario, or an unknown kernel, with status 2', () => {
    for (const [args, reason] of [
      [['reproduce', 'features/thread/close-then-mount.feature', '--kernel', 'v12'], /is not FEATURE:LINE/],
      [['reproduce', 'features/thread/close-then-mount.feature:2', '--kernel', 'v12'], /close-then-mount\.feature:2: no scenario starts on that line/],
      [['reproduce', 'features/thread/close-then-mount.feature:41', '--kernel', 'v13'], /unknown kernel "v13"/],
      [['reproduce', 'features/nowhere.feature:41', '--kernel', 'v12'], /features\/nowhere\.feature: no such file/],
    ] as const) {
      const run = mountspec(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, reason);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    }
  });
});
