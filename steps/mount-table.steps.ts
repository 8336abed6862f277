import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { findResult, mountTable, type CommandRef } from './support/results';
import type { MountspecWorld } from './world';

// The table is "MOUNTPOINT FSTYPE SOURCE on PARENT-MOUNTPOINT", one mount a
// line in /proc/self/mountinfo's order. "after X" is the top shell's view;
// "X prints" reads the mountinfo a command printed (`cat
// /proc/self/mountinfo` in a nested shell, another namespace's view).
// "with propagation" adds mountinfo's optional fields, peer groups renumbered.

function expectTable(ref: CommandRef, mountinfo: string, expected: string, propagation: boolean, what: string): void {
  const actual = mountTable(mountinfo, { propagation });
  const wanted = expected.split('\n').map((line) => line.trim().replace(/\s+/g, ' ')).filter(Boolean);
  assert.deepEqual(actual, wanted, `the mount table ${what} "${ref.text}" differs; the mountinfo was:\n${mountinfo}`);
}

Then('after {command} the mount table is:', function (this: MountspecWorld, ref: CommandRef, expected: string) {
  expectTable(ref, findResult(this.results, ref).mountinfo, expected, false, 'after');
});

Then('after {command} the mount table with propagation is:', function (this: MountspecWorld, ref: CommandRef, expected: string) {
  expectTable(ref, findResult(this.results, ref).mountinfo, expected, true, 'after');
});

Then('{command} prints the mount table:', function (this: MountspecWorld, ref: CommandRef, expected: string) {
  expectTable(ref, findResult(this.results, ref).stdout, expected, false, 'printed by');
});

Then('{command} prints the mount table with propagation:', function (this: MountspecWorld, ref: CommandRef, expected: string) {
  expectTable(ref, findResult(this.results, ref).stdout, expected, true, 'printed by');
});
