// Then steps on the model's internals (mnt_count, MNT_UMOUNT, namespaces),
// read through the snapshot each command attaches. The live kernel cannot
// be looked into: scenarios that use these are tagged @model-only.

import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expect } from './support/expect';
import type { MountView, StateView } from '../engine/observe/snapshot';
import { findResult, type CommandRef } from './support/results';
import type { MountspecWorld } from './world';

type MountRef = { kind: 'path'; path: string } | { kind: 'fd'; fd: number } | { kind: 'cwd' };

function stateAfter(world: MountspecWorld, ref: CommandRef): StateView {
  const r = findResult(world.results, ref);
  if (!r.state) throw new Error(`the ${world.kernel} backend cannot show the kernel's internals: tag the scenario @model-only`);
  return r.state as StateView;
}

/** The shell that reads the next line: the newest sh/bash task. */
function innermostShell(state: StateView) {
  const shells = state.tasks.filter((t) => t.comm === 'sh' || t.comm === 'bash');
  return shells[shells.length - 1]!;
}

function findMount(state: StateView, ref: MountRef): MountView {
  let id: number | undefined;
  let what: string;
  if (ref.kind === 'path') {
    what = `the mount at "${ref.path}"`;
    const here = state.mounts.filter((m) => m.path === ref.path);
    // The topmost: the one no other mount at the same place sits on.
    id = here.find((m) => !here.some((other) => other.parent === m.id && other.mountpoint === m.root))?.id;
  } else if (ref.kind === 'fd') {
    what = `the mount on fd ${ref.fd}`;
    id = innermostShell(state).fds.find((f) => f.fd === ref.fd)?.mount;
  } else {
    what = "the shell's cwd";
    id = innermostShell(state).cwd.mount;
  }
  const mount = state.mounts.find((m) => m.id === id);
  if (!mount) throw new Error(`${what}: no such mount (freed, or nothing there)`);
  return mount;
}

const show = (m: MountView) => JSON.stringify(m);

Then('after {command}, {mountRef} has mnt_count {int}', function (this: MountspecWorld, ref: CommandRef, mref: MountRef, count: number) {
  const m = findMount(stateAfter(this, ref), mref);
  assert.equal(m.mnt_count, count, `mnt_count is ${m.mnt_count}: ${show(m)}`);
});

Then('after {command}, {mountRef} is flagged {word}', function (this: MountspecWorld, ref: CommandRef, mref: MountRef, flag: string) {
  const m = findMount(stateAfter(this, ref), mref);
  expect(m.flags.includes(flag), () => `${flag} is not set: ${show(m)}`);
});

Then('after {command}, {mountRef} is not flagged {word}', function (this: MountspecWorld, ref: CommandRef, mref: MountRef, flag: string) {
  const m = findMount(stateAfter(this, ref), mref);
  expect(!m.flags.includes(flag), () => `${flag} is set: ${show(m)}`);
});

Then('after {command}, {mountRef} is in no namespace', function (this: MountspecWorld, ref: CommandRef, mref: MountRef) {
  const m = findMount(stateAfter(this, ref), mref);
  assert.equal(m.ns, null, `it is in namespace ${m.ns}: ${show(m)}`);
});

Then('after {command}, {mountRef} is in an anonymous namespace', function (this: MountspecWorld, ref: CommandRef, mref: MountRef) {
  const m = findMount(stateAfter(this, ref), mref);
  expect(m.ns?.startsWith('anon:'), () => `its namespace is ${m.ns}: ${show(m)}`);
});

Then('no unmounted mount is ever attached under a mounted one', function (this: MountspecWorld) {
  for (const r of this.results ?? []) {
    const violations = (r.state as StateView | undefined)?.violations ?? [];
    assert.equal(violations.length, 0, `after "${r.command}": ${violations.join('; ')}`);
  }
});
