import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveSkip } from '../live/test-support';
import { VARIANTS } from '../kernel/variants';
import { buildAlphabet, DEFAULT_ALPHABET, worldSetup } from './alphabet';
import { exploreLive } from './live';
import { search } from './search';

// The bounded-exhaustive differential at depth 1 (one transcript per state
// one command away); `mountspec explore --kernel mainline --live --depth k` goes deeper.
test('explore --live: every distinct mainline state within 1 command agrees with the live kernel', { skip: liveSkip }, async () => {
  const result = search({ variant: 'mainline', alphabet: buildAlphabet(DEFAULT_ALPHABET), setup: worldSetup(DEFAULT_ALPHABET), depth: 1, keepStates: true });
  let out = '';
  const live = await exploreLive(VARIANTS.mainline, result, { out: (t) => void (out += t), err: () => {} });
  assert.equal(live.transcripts, result.states - 1);
  assert.equal(live.disagreements, 0, out);
});

test('explore --live refuses a variant other than mainline', async () => {
  const result = search({ variant: 'v12', alphabet: ['cd /'], depth: 1, keepStates: true });
  await assert.rejects(exploreLive(VARIANTS.v12, result, { out: () => {}, err: () => {} }), /use --kernel mainline/);
});
