// Then steps on what a user sees: exit status, messages, the kernel log,
// whether the shell came back.

import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expect } from './support/expect';
import { describe, findResult, type CommandRef } from './support/results';
import type { MountspecWorld } from './world';

function result(world: MountspecWorld, ref: CommandRef) {
  return findResult(world.results, ref);
}

Then('{command} succeeds', function (this: MountspecWorld, ref: CommandRef) {
  const r = result(this, ref);
  expect(r.status === 0, () => `expected "${ref.text}" to succeed, got:\n  ${describe(r)}`);
});

Then('{command} exits with status {int}', function (this: MountspecWorld, ref: CommandRef, status: number) {
  const r = result(this, ref);
  expect(r.status === status, () => `expected exit status ${status}, got:\n  ${describe(r)}`);
});

Then('{command} prints on stderr:', function (this: MountspecWorld, ref: CommandRef, expected: string) {
  const r = result(this, ref);
  assert.equal(r.stderr, `${expected}\n`, `stderr of "${ref.text}" differs:\n  ${describe(r)}`);
});

Then('{command} prints on stdout:', function (this: MountspecWorld, ref: CommandRef, expected: string) {
  const r = result(this, ref);
  assert.equal(r.stdout, `${expected}\n`, `stdout of "${ref.text}" differs:\n  ${describe(r)}`);
});

Then('{command} prints nothing', function (this: MountspecWorld, ref: CommandRef) {
  const r = result(this, ref);
  expect(r.stdout === '' && r.stderr === '', () => `expected no output, got:\n  ${describe(r)}`);
});

Then('{command} starts a nested shell', function (this: MountspecWorld, ref: CommandRef) {
  const r = result(this, ref);
  expect(r.status === null && !r.stuck, () => `expected a nested shell to start, got:\n  ${describe(r)}`);
});

Then('{command} never returns', function (this: MountspecWorld, ref: CommandRef) {
  const r = result(this, ref);
  const firstStuck = this.results!.find((x) => x.stuck);
  expect(r.stuck && r.status === null && firstStuck === r, () => `expected "${ref.text}" to be the command that never returns, got:\n  ${describe(r)}`);
});

Then('no command gets stuck', function (this: MountspecWorld) {
  const stuck = this.results?.find((r) => r.stuck);
  expect(!stuck, () => `the shell never came back:\n  ${describe(stuck!)}`);
});

Then('the kernel log stays quiet', function (this: MountspecWorld) {
  const noisy = this.results?.filter((r) => r.kernel.length) ?? [];
  expect(noisy.length === 0, () => `the kernel logged:\n  ${noisy.map(describe).join('\n  ')}`);
});

Then('{command} soft-locks the CPU with the call trace:', function (this: MountspecWorld, ref: CommandRef, trace: string) {
  const r = result(this, ref);
  const lockup = r.kernel.findIndex((line) => line.startsWith('watchdog: BUG: soft lockup'));
  expect(lockup >= 0, () => `expected a soft lockup, got:\n  ${describe(r)}`);
  const frames = r.kernel.slice(r.kernel.indexOf('Call Trace:', lockup) + 1).map((line) => line.trim());
  const expected = trace.split('\n').map((line) => line.trim()).filter(Boolean);
  assert.deepEqual(frames.slice(0, expected.length), expected, `the call trace differs:\n  ${describe(r)}`);
});
