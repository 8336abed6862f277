// The runner on bad features: a clear message naming file and line, and a
// non-zero exit, never a stack trace. Each case is a run of its own (its
// feature, its reports directory), so the cases run side by side: they are
// mostly start-up and waiting, and this file was the runner's longest.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { liveSkip } from '../engine/live/test-support';

const ROOT = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'mountspec-runner-'));

async function runSpec(feature: string, text: string, kernels = 'mainline'): Promise<{ status: number | null; output: string; path: string }> {
  const path = join(dir, feature);
  writeFileSync(path, text);
  const child = spawn(process.execPath, ['--require', 'ts-node/register/transpile-only', 'runner/run-spec.ts'], {
    cwd: ROOT,
    env: { ...process.env, MOUNTSPEC_KERNELS: kernels, MOUNTSPEC_FEATURES: path, MOUNTSPEC_REPORTS: join(dir, `${feature}.reports`) },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  return { status, output: stdout + stderr, path };
}

describe('run-spec', { concurrency: true }, () => {
  it('should name the file and line of a malformed feature and fail', async () => {
    const { status, output } = await runSpec('malformed.feature', 'Feature: broken\n  Scenario: one\n    When the shell session runs:\n      """\n      # ls /\n');
    assert.notEqual(status, 0);
    assert.match(output, /malformed\.feature:6: .*unexpected end of file/);
    assert.doesNotMatch(output, /\n\s+at /);
  });

  it('should name the feature line of a transcript line outside the dialect', async () => {
    const { status, output } = await runSpec('dialect.feature', 'Feature: d\n  Scenario: pipes\n    When the shell session runs:\n      """\n      # ls / | cat\n      """\n');
    assert.notEqual(status, 0);
    assert.match(output, /dialect\.feature:5: pipes are not in the dialect/);
  });

  it('should fail on an undefined step', async () => {
    const { status, output } = await runSpec('undefined.feature', 'Feature: u\n  Scenario: nothing\n    Given a step nobody wrote\n');
    assert.notEqual(status, 0);
    assert.match(output, /undefined\.feature:2 "nothing": broken/);
  });

  it('should fail on an undeclared failure', async () => {
    const { status, output } = await runSpec('undeclared.feature', 'Feature: f\n  Scenario: ls of nothing\n    When the shell session runs:\n      """\n      # ls /nope\n      """\n    Then "ls /nope" succeeds\n');
    assert.equal(status, 1);
    assert.match(output, /mainline: .*undeclared\.feature:2 "ls of nothing": failed undeclared\n\s+expected "ls \/nope" to succeed/);
  });

  it('should fail on a declared failure that passes', async () => {
    const { status, output } = await runSpec('declared.feature', 'Feature: f\n  @fails-on:mainline\n  Scenario: ls of the root\n    When the shell session runs:\n      """\n      # ls /\n      """\n    Then "ls /" succeeds\n');
    assert.equal(status, 1);
    assert.match(output, /mainline: .*declared\.feature:3 "ls of the root": passed though declared failing/);
  });

  it('should print each scenario as it finishes, and each kernel with its time, without carriage returns off a terminal', async () => {
    const { status, output } = await runSpec('progress.feature', 'Feature: f\n  Scenario: one\n    When the shell session runs:\n      """\n      # ls /\n      """\n  Scenario: two\n    When the shell session runs:\n      """\n      # ls /mnt\n      """\n', 'v12,mainline');
    assert.equal(status, 0, output);
    for (const kernel of ['v12', 'mainline']) {
      assert.match(output, new RegExp(`\\n  ${kernel} +pass +\\S*progress\\.feature:2 one\\n  ${kernel} +pass +\\S*progress\\.feature:7 two\\n`));
      assert.match(output, new RegExp(`\\nverdict on ${kernel}: 2/2 as the spec claims, \\d+\\.\\d s\\n`));
    }
    assert.doesNotMatch(output, /\r/);
  });

  it('should fail when the mainline model and the live kernel disagree, naming the feature, the command and the field', { skip: liveSkip }, async () => {
    // The model has no /proc/version; the live kernel does. Both columns pass: only the referee can tell.
    const { status, output } = await runSpec('differ.feature', 'Feature: f\n  Scenario: the kernel\u2019s version\n    When the shell session runs:\n      """\n      # cat /proc/version\n      """\n', 'mainline,live');
    assert.equal(status, 1, output);
    assert.match(output, /verdict on mainline: 1\/1 as the spec claims/);
    assert.match(output, /verdict on live: 1\/1 as the spec claims/);
    assert.match(output, /- mainline ≠ live: \S*differ\.feature:2 the kernel\u2019s version:\ncommand 1 "cat \/proc\/version": status differs\n  mainline: 1\n  live: +0\n/);
    assert.match(output, /differential: 0\/1 transcripts agree .*\(1 live runs, 0 beyond/);
  });

  it('should run each transcript once on the live kernel, for the live column and the differential check alike', { skip: liveSkip }, async () => {
    const { status, output } = await runSpec('once.feature', 'Feature: f\n  Scenario: a mount\n    When the shell session runs:\n      """\n      # mount -t tmpfs none /mnt\n      """\n  @model-only\n  Scenario: internals\n    When the shell session runs:\n      """\n      # ls /mnt\n      """\n', 'mainline,live');
    assert.equal(status, 0, output);
    assert.match(output, /differential: 2\/2 transcripts agree command by command \(2 live runs, 0 beyond the spec's transcripts/);
  });
});
