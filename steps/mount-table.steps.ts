import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { findResult, mountTable, type CommandRef } from './support/results';
import type { MountspecWorld } from './world';

// The table is "MOUNTPOINT FSTYPE SOURCE on PARENT-MOUNTPOINT", one mount a
// line in /proc/self/mountinfo's order, as the top shell sees it.
Then('after {command} the mount table is:', function (this: MountspecWorld, ref: CommandRef, expected: string) {
  const r = findResult(this.results, ref);
  const actual = mountTable(r.mountinfo);
  const wanted = expected.split('\n').map((line) => line.trim().replace(/\s+/g, ' ')).filter(Boolean);
  assert.deepEqual(actual, wanted, `the mount table after "${ref.text}" differs; /proc/self/mountinfo was:\n${r.mountinfo}`);
});
