import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadReports } from './load';
import type { Spec } from './model';
import { FIXTURE, runFixture, runToNdjson } from './test/fixture-run';
import { tempDir } from './test/temp';
import { kernelLabel, pageOf, transform } from './transform';

let reports = '';
let spec: Spec;

before(async () => {
  reports = await runFixture();
  spec = transform(loadReports(reports, ['model', 'live']));
});

const scenario = (name: string) => {
  const found = spec.features.flatMap((f) => f.scenarios).find((s) => s.name === name);
  assert.ok(found, `no scenario "${name}"`);
  return found;
};

describe('transform', () => {
  it('should key features and scenarios on uri and line, in file order', () => {
    assert.deepEqual(spec.features.map((f) => f.uri), ['features/outcomes.feature', 'features/safety.feature']);
    assert.deepEqual(spec.features[0]?.scenarios.map((s) => s.key), ['features/outcomes.feature:8', 'features/outcomes.feature:16', 'features/outcomes.feature:25', 'features/outcomes.feature:33', 'features/outcomes.feature:41']);
    assert.equal(spec.features[0]?.scenarios[1]?.anchor, 'L16');
    assert.equal(spec.features[0]?.page, 'features/outcomes.html');
  });

  it('should label the live column with the release from its session description', () => {
    assert.deepEqual(spec.kernels.map((k) => k.label), ['model', 'live 9.9.9-fixture']);
    assert.equal(kernelLabel('live', 'live kernel 6.18.44-fc-v657'), 'live 6.18.44-fc-v657');
    assert.equal(kernelLabel('v12', 'ver 12.1 as posted'), 'v12');
  });

  it("should give every cell runner/verdict.ts's outcome", () => {
    assert.deepEqual(scenario('passes everywhere').cells.map((c) => c.outcome), ['passed', 'passed']);
    assert.deepEqual(scenario('the model gets it wrong and says so').cells.map((c) => c.outcome), ['failed as declared', 'passed']);
    assert.deepEqual(scenario('only for the model').cells.map((c) => c.outcome), ['passed', 'not applicable']);
    assert.deepEqual(scenario('looks inside the model').cells.map((c) => c.outcome), ['passed', 'not applicable']);
  });

  it('should keep the failing step, its message and every step status', () => {
    const s = scenario('the model gets it wrong and says so');
    const cell = s.cells[0]!;
    assert.match(cell.message ?? '', /expected "hang" to exit with status 0/);
    assert.equal(cell.failedStepLine, 22);
    assert.deepEqual(cell.stepStatuses, ['PASSED', 'FAILED']);
    assert.deepEqual(s.steps.map((st) => [st.anchor, st.keyword]), [['L16-L17', 'When'], ['L16-L22', 'Then']]);
  });

  it("should find a failed step in any kernel's stream, whose step ids are its own", () => {
    const cell = scenario('the live kernel disagrees, as declared').cells[1]!;
    assert.equal(cell.outcome, 'failed as declared');
    assert.equal(cell.failedStepLine, 46);
    assert.deepEqual(cell.stepStatuses, ['PASSED', 'FAILED']);
    assert.deepEqual(scenario('passes everywhere').cells[1]?.stepStatuses, ['PASSED', 'PASSED']);
  });

  it('should carry the session: results, the kernel log, and state on model kernels only', () => {
    const s = scenario('the model gets it wrong and says so');
    const [model, live] = s.cells;
    assert.equal(model?.session?.results[1]?.stuck, true);
    assert.match(model?.session?.results[1]?.kernel[0] ?? '', /soft lockup/);
    assert.equal(model?.session?.results[1]?.state?.mounts[1]?.flags[0], 'MNT_UMOUNT');
    assert.equal(live?.session?.results[0]?.state, null);
    assert.match(live?.session?.results[0]?.mountinfo ?? '', /\/mnt/);
  });

  it('should collect citations once per passage, with who, when, where and who cites them', () => {
    assert.equal(spec.citations.length, 3);
    const [users, quoted, comment] = spec.citations;
    assert.equal(users?.id, 'cite-users-are-expected-to-move-mount');
    assert.deepEqual([users?.who, users?.date, users?.subject, users?.url], ['Ada Lovelace', '10 Dec 2018', 'Re: [PATCH] a subject', 'https://lore.kernel.org/lkml/?q=a']);
    assert.deepEqual(users?.citedBy.map((c) => c.key), ['features/outcomes.feature:8', 'features/outcomes.feature:16', 'features/outcomes.feature:25', 'features/outcomes.feature:33', 'features/outcomes.feature:41']);
    assert.equal(quoted?.citedBy.length, 1);
    assert.equal(comment?.who, 'comment in fs/namespace.c, quoted by Ada Lovelace');
    assert.equal(comment?.url, null);
    assert.deepEqual(scenario('passes everywhere').citations, ['cite-users-are-expected-to-move-mount']);
  });

  it('should warn, with the line, about a malformed session attachment and go on without it', () => {
    const file = path.join(reports, 'model.ndjson');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('vnd.mountspec.session+json'));
    const envelope = JSON.parse(lines[at]!) as { attachment: { body: string } };
    envelope.attachment.body = JSON.stringify({ kernel: 'model', description: 'x', lines: [], results: [{ command: 1 }] });
    lines[at] = JSON.stringify(envelope);
    writeFileSync(file, lines.join('\n'));
    const streams = loadReports(reports, ['model', 'live']);
    const broken = transform(streams);
    const messages = streams[0]!.file.messages.map(String);
    assert.equal(messages.length, 1);
    assert.match(messages[0] ?? '', new RegExp(`model.ndjson:${at + 1}:1: session attachment of features/\\S+ is malformed: session.results\\[0\\].command: expected a string`));
    assert.equal(broken.features.flatMap((f) => f.scenarios).filter((s) => s.cells[0]?.session === null).length, 1);
  });

  it('should say "no result", not n/a, for a scenario a partial run (FEATURE:LINE) left out, and count it as not as claimed', async () => {
    const partial = await runToNdjson(tempDir('partial'), ['model', 'live'], FIXTURE, (kernel) => ({
      paths: ['features/outcomes.feature:8'],
      require: [path.join(FIXTURE, 'steps.ts')],
      requireModule: ['ts-node/register/transpile-only'],
      worldParameters: { kernel },
      tags: kernel === 'live' ? 'not @model-only' : '',
    }));
    const cells = (s: Spec, name: string) => s.features.flatMap((f) => f.scenarios).find((x) => x.name === name)!.cells.map((c) => `${c.kernel} ${c.outcome} ${c.ok}`);
    const cut = transform(loadReports(partial, ['model', 'live']));
    assert.deepEqual(cells(cut, 'passes everywhere'), ['model passed true', 'live passed true']);
    assert.deepEqual(cells(cut, 'the model gets it wrong and says so'), ['model no result false', 'live no result false']);
    assert.deepEqual(cells(cut, 'only for the model'), ['model no result false', 'live not applicable true'], '@only-on another kernel stays n/a');
    assert.deepEqual(cells(cut, 'looks inside the model'), ['model no result false', 'live not applicable true'], '@model-only on live stays n/a');
    assert.deepEqual(cells(spec, 'looks inside the model')[1], 'live not applicable true', 'the full run is unchanged');
  });

  it('should keep feature pages inside the site', () => {
    assert.equal(pageOf('features/thread/x.feature'), 'features/thread/x.html');
    assert.equal(pageOf('../../tmp/y.feature'), 'features/tmp/y.html');
    assert.equal(pageOf('other/z.feature.md'), 'features/other/z.html');
  });
});
