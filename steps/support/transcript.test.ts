import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { assertDialectError } from '../../engine/transcript/test-support';
import { transcriptOfStep } from './transcript';

const REPO = resolve(__dirname, '..', '..');

describe('a transcript step', () => {
  it('gives its "# " lines, numbered from the line after the docstring opens', () => {
    assert.deepEqual(transcriptOfStep('just text\n# ls /mnt', { file: 'a.feature', line: 9 }), [{ command: 'ls /mnt', file: 'a.feature', line: 11 }]);
  });

  for (const text of ['', 'only narrative, no prompt', '#comment without the space']) {
    it(`refuses a transcript that runs nothing (${JSON.stringify(text)}), naming the feature file and line`, () => {
      assertDialectError(() => transcriptOfStep(text, { file: 'features/x/y.feature', line: 12 }), 'features/x/y.feature:12', 'runs nothing');
    });
  }

  // The scenario fails on every kernel, live too (before any backend is asked), so it cannot pass by running nothing.
  for (const kernel of ['mainline', 'live']) {
    it(`fails the scenario on ${kernel}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mountspec-empty-'));
      const feature = join(dir, 'empty.feature');
      writeFileSync(feature, 'Feature: empty\n\n  Scenario: runs nothing\n    When the shell session runs:\n      """\n      nothing here\n      """\n');
      try {
        // The profiles' options without their report files (reports/*.ndjson belong to the spec run).
        const config = join(dir, 'cucumber.cjs');
        writeFileSync(config, 'module.exports = { default: {} };\n');
        const args = ['--config', relative(REPO, config), '--require-module', 'ts-node/register/transpile-only', ...['steps/world.ts', 'steps/parameter-types.ts', 'steps/support/hooks.ts', 'steps/*.steps.ts'].flatMap((r) => ['--require', r]), '--world-parameters', JSON.stringify({ kernel }), '--format', 'summary', feature];
        const run = promisify(execFile)(join(REPO, 'node_modules', '.bin', 'cucumber-js'), args, { cwd: REPO });
        const failure = await run.then(() => null, (error: { code: number; stdout: string; stderr: string }) => error);
        assert.ok(failure, 'cucumber-js should fail');
        assert.match(failure.stdout + failure.stderr, /empty\.feature:5: the transcript runs nothing/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
