import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as messages from '@cucumber/messages';
import { unknownKernelTags, verdicts } from './verdict';

/** The envelopes of one scenario whose single step ended with `status` (and an exception type). */
function run(tags: string[], status: string | null, exceptionType = 'ExpectationFailed'): messages.Envelope[] {
  const doc = { uri: 'features/x.feature', comments: [], feature: { name: 'X', children: [{ scenario: { id: 's1', location: { line: 4 }, examples: [] } }] } };
  const envelopes: unknown[] = [{ gherkinDocument: doc }, { pickle: { id: 'p1', uri: 'features/x.feature', name: 'one', astNodeIds: ['s1'], tags: tags.map((name) => ({ name })) } }];
  if (status) {
    envelopes.push(
      { testCase: { id: 'tc1', pickleId: 'p1' } },
      { testCaseStarted: { id: 'tcs1', testCaseId: 'tc1' } },
      { testStepFinished: { testCaseStartedId: 'tcs1', testStepResult: { status, ...(status === 'FAILED' ? { exception: { type: exceptionType, message: 'boom' } } : {}) } } },
    );
  }
  return envelopes as messages.Envelope[];
}

describe('verdicts', () => {
  const outcome = (tags: string[], status: string | null, kernel = 'v12', type?: string) => verdicts(run(tags, status, type), kernel)[0]!;

  it('should key a scenario on uri:line', () => {
    assert.equal(outcome([], 'PASSED').key, 'features/x.feature:4');
  });

  it('should accept a pass, and a declared failure that fails', () => {
    assert.equal(outcome([], 'PASSED').ok, true);
    assert.deepEqual([outcome(['@fails-on:v12'], 'FAILED').outcome, outcome(['@fails-on:v12'], 'FAILED').ok], ['failed as declared', true]);
  });

  it('should refuse an undeclared failure and a declared failure that passes', () => {
    assert.deepEqual([outcome([], 'FAILED').outcome, outcome([], 'FAILED').ok], ['failed undeclared', false]);
    assert.deepEqual([outcome(['@fails-on:v12'], 'PASSED').outcome, outcome(['@fails-on:v12'], 'PASSED').ok], ['passed though declared failing', false]);
  });

  it('should refuse a declared failure that failed by crashing, not by a failed expectation', () => {
    const v = outcome(['@fails-on:v12'], 'FAILED', 'v12', 'EngineBug');
    assert.deepEqual([v.outcome, v.ok], ['broken', false]);
  });

  it('should treat @only-on elsewhere and unscheduled pickles as not applicable', () => {
    assert.equal(outcome(['@only-on:mainline'], 'SKIPPED').outcome, 'not applicable');
    assert.equal(outcome(['@model-only'], null, 'live').outcome, 'not applicable');
  });

  it('should allow skipped only on live', () => {
    assert.equal(outcome([], 'SKIPPED', 'live').ok, true);
    assert.equal(outcome([], 'SKIPPED', 'mainline').ok, false);
    assert.equal(outcome([], 'UNDEFINED').ok, false);
  });

  it('should find kernel tags that name no kernel', () => {
    assert.deepEqual(unknownKernelTags(['@fails-on:v12', '@fails-on:v21', '@only-on:mainlin', '@model-only'], ['v12', 'mainline']), ['@fails-on:v21', '@only-on:mainlin']);
  });
});
