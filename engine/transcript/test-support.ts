// For tests: a line refused by the dialect is a DialectError that names the
// file and line first, then says why.

import assert from 'node:assert/strict';
import { DialectError } from './types';

/** `run` throws a DialectError whose message starts with "FILE:LINE: " and contains `reason`. */
export function assertDialectError(run: () => unknown, place: string, reason: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof DialectError, `expected a DialectError, got ${String(error)}`);
    assert.ok(error.message.startsWith(`${place}: `), error.message);
    assert.ok(error.message.includes(reason), error.message);
    return true;
  });
}
