// What statmount and listmount print, with the ids that only say "which
// instance" renumbered (U1 unique ids, M1 reused ids, N1 namespaces, D1
// devices, G1 peer groups), as the differential check compares them.

import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { renumberStatmountIds } from '../runner/renumber-ids';
import { describe, findResult, type CommandRef } from './support/results';
import type { MountspecWorld } from './world';

Then('{command} prints, ids renumbered:', function (this: MountspecWorld, ref: CommandRef, expected: string) {
  const r = findResult(this.results, ref);
  assert.equal(renumberStatmountIds(r.stdout), `${expected}\n`, `stdout of "${ref.text}" differs:\n  ${describe(r)}`);
});
