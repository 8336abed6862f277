// The referee: every transcript in features/ on the mainline model and on
// the live kernel, compared command by command. Skipped, with the reason,
// where the live kernel cannot be used.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createBackend } from '../engine/backends';
import { BackendUnavailable, type Backend } from '../engine/transcript/types';
import { describeDisagreement, disagreements, renumberMountinfo } from './differential';
import { featureTranscripts } from './feature-transcripts';

describe('renumberMountinfo', () => {
  it('should renumber ids and devices in order of appearance and keep the rest', () => {
    const text = '63 42 0:39 / / rw,relatime - tmpfs none rw\n44 63 0:41 / /mnt rw,relatime - tmpfs none rw\n45 44 0:41 / /mnt rw - tmpfs none rw\n';
    assert.equal(renumberMountinfo(text), 'M1 M? D1 / / rw,relatime - tmpfs none rw\nM2 M1 D2 / /mnt rw,relatime - tmpfs none rw\nM3 M2 D2 / /mnt rw - tmpfs none rw\n');
  });

  it('should renumber peer group ids in order of appearance, whichever field names them', () => {
    const text = '63 42 0:39 / / rw shared:7 - tmpfs none rw\n44 63 0:41 / /a rw shared:9 master:7 - tmpfs shared:7 rw\n45 63 0:41 / /b rw master:9 propagate_from:3 unbindable - tmpfs none rw\n';
    assert.equal(renumberMountinfo(text), 'M1 M? D1 / / rw shared:G1 - tmpfs none rw\nM2 M1 D2 / /a rw shared:G2 master:G1 - tmpfs shared:7 rw\nM3 M1 D2 / /b rw master:G2 propagate_from:G3 unbindable - tmpfs none rw\n');
  });
});

describe('mainline agrees with the live kernel', async () => {
  const transcripts = featureTranscripts(join(__dirname, '..'));
  let live: Backend | BackendUnavailable;
  let mainline: Backend;
  before(async () => {
    mainline = await createBackend('mainline');
    live = await createBackend('live').catch((error: unknown) => {
      if (error instanceof BackendUnavailable) return error;
      throw error;
    });
  });

  it('should find the spec\'s transcripts', () => {
    assert.ok(transcripts.length >= 20, `found ${transcripts.length}`);
  });

  for (const transcript of transcripts) {
    it(`should agree on ${transcript.name}`, async (t) => {
      if (live instanceof BackendUnavailable) return t.skip(live.message);
      const [m, l] = [await mainline.run(transcript.lines), await live.run(transcript.lines)];
      const found = disagreements(m, l);
      assert.equal(found.length, 0, found.map(describeDisagreement).join('\n'));
    });
  }
});
