// The runner on bad features: a clear message naming file and line, and a
// non-zero exit, never a stack trace.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'mountspec-runner-'));

function runSpec(feature: string, text: string) {
  const path = join(dir, feature);
  writeFileSync(path, text);
  const run = spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', 'runner/run-spec.ts'], {
    cwd: ROOT,
    env: { ...process.env, MOUNTSPEC_KERNELS: 'mainline', MOUNTSPEC_FEATURES: path, MOUNTSPEC_REPORTS: join(dir, 'reports') },
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout + run.stderr, path };
}

describe('run-spec', () => {
  it('should name the file and line of a malformed feature and fail', () => {
    const { status, output } = runSpec('malformed.feature', 'Feature: broken\n  Scenario: one\n    When the shell session runs:\n      """\n      # ls /\n');
    assert.notEqual(status, 0);
    assert.match(output, /malformed\.feature:6: .*unexpected end of file/);
    assert.doesNotMatch(output, /\n\s+at /);
  });

  it('should name the feature line of a transcript line outside the dialect', () => {
    const { status, output } = runSpec('dialect.feature', 'Feature: d\n  Scenario: pipes\n    When the shell session runs:\n      """\n      # ls / | cat\n      """\n');
    assert.notEqual(status, 0);
    assert.match(output, /dialect\.feature:5: pipes are not in the dialect/);
  });

  it('should fail on an undefined step', () => {
    const { status, output } = runSpec('undefined.feature', 'Feature: u\n  Scenario: nothing\n    Given a step nobody wrote\n');
    assert.notEqual(status, 0);
    assert.match(output, /undefined\.feature:2 "nothing": broken/);
  });
});
