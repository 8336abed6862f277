// A few random transcripts from the dialect on mainline and the live kernel,
// in every `npm test` (a fixed seed, so a failure replays); `npm run fuzz`
// runs thousands and shrinks what it finds.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { createBackend } from '../engine/backends';
import { BackendUnavailable } from '../engine/transcript/types';
import { describeDisagreement } from './differential';
import { compare } from './fuzz';
import { transcriptArbitrary } from './transcript-arbitrary';

describe('random transcripts', () => {
  it('should only produce lines inside the dialect, with exit only in a nested shell', async () => {
    const mainline = await createBackend('mainline');
    await fc.assert(fc.asyncProperty(transcriptArbitrary(), async (t) => (await mainline.run(t.map((command, i) => ({ command, file: 'gen', line: i + 1 })))).length === t.length), { numRuns: 200, seed: 42 });
  });

  it('should agree between mainline and the live kernel', async (t) => {
    const mainline = await createBackend('mainline');
    const live = await createBackend('live').catch((error: unknown) => (error instanceof BackendUnavailable ? error : Promise.reject(error)));
    if (live instanceof BackendUnavailable) return t.skip(live.message);
    await fc.assert(
      fc.asyncProperty(transcriptArbitrary(), async (commands) => {
        const found = await compare(mainline, live, commands);
        assert.equal(found.length, 0, found.map(describeDisagreement).join('\n'));
      }),
      { numRuns: 25, seed: 20261123 },
    );
  });
});
