// The referee's comparison. It runs in `npm run test:spec` (run-spec.ts), on
// the live column's own runs; run-spec.test.ts shows it failing the spec.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DialectError, type CommandResult } from '../engine/transcript/types';
import { differentialProblems, renumberMountinfo } from './differential';
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

describe('the transcripts the differential check compares', () => {
  it('should be every scenario’s transcript, @model-only ones included', () => {
    const transcripts = featureTranscripts(join(__dirname, '..'));
    assert.ok(transcripts.length >= 140, `found ${transcripts.length}`);
    assert.ok(transcripts.some((t) => t.name.startsWith('features/thread/ebusy.feature:67 ')), 'a @model-only scenario');
  });
});

describe('differentialProblems', () => {
  const lines = [{ command: 'mkdir /mnt/a', file: 'features/x.feature', line: 5 }, { command: 'ls /mnt', file: 'features/x.feature', line: 6 }];
  const transcript = { name: 'features/x.feature:3 a scenario', lines };
  const mountinfo = '63 42 0:39 / / rw,relatime - tmpfs none rw\n';
  const base = (command: string) => ({ command, status: 0, stdout: '', stderr: '', kernel: [], stuck: false, mountinfo });
  const model = [base('mkdir /mnt/a'), { ...base('ls /mnt'), stdout: 'a\n' }];
  const check = (live: CommandResult[] | Error | undefined) => differentialProblems([transcript], async () => model, () => live);

  it('should find nothing when the live run agrees, ids and devices aside', async () => {
    const renumbered = model.map((r) => ({ ...r, mountinfo: '17 3 0:77 / / rw,relatime - tmpfs none rw\n' }));
    assert.deepEqual(await check(renumbered), []);
  });

  const fields: [string, (r: CommandResult) => CommandResult, RegExp][] = [
    ['status', (r) => ({ ...r, status: 2 }), /status differs/],
    ['stdout', (r) => ({ ...r, stdout: 'b\n' }), /stdout differs/],
    ['stderr', (r) => ({ ...r, stderr: 'ls: oops\n' }), /stderr differs/],
    ['stuck', (r) => ({ ...r, stuck: true, status: null }), /stuck differs/],
    ['mount table', (r) => ({ ...r, mountinfo: `${mountinfo}64 63 0:40 / /mnt/a rw - tmpfs none rw\n` }), /mount table differs/],
  ];
  for (const [field, change, message] of fields) {
    it(`should fail on a ${field} that differs, naming the scenario, the command and the field`, async () => {
      const problems = await check([model[0]!, change(model[1]!)]);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /^mainline ≠ live: features\/x\.feature:3 a scenario:\ncommand 2 "ls \/mnt": /);
      assert.match(problems[0]!, message);
      assert.match(problems[0]!, /\n  mainline: .*\n  live: /);
    });
  }

  it('should fail when the live run broke or was never recorded', async () => {
    assert.match((await check(new Error('setting up the throwaway root failed')))[0]!, /features\/x\.feature:3 a scenario: the live run failed: setting up/);
    assert.match((await check(undefined))[0]!, /no live run was recorded/);
  });

  it('should leave a transcript outside the dialect to the columns, which refuse it', async () => {
    assert.deepEqual(await check(new DialectError({ file: 'features/x.feature', line: 5 }, 'pipes are not in the dialect')), []);
  });
});
