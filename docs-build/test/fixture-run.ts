// Produces the test suite's own message streams: cucumber's API runs the
// fixture suite (test/fixture) once per kernel and each run's envelopes are
// written as NDJSON, exactly as cucumber's `message` formatter would.

import { loadConfiguration, loadSupport, runCucumber } from '@cucumber/cucumber/api';
import type * as messages from '@cucumber/messages';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { tempDir } from './temp';

export const FIXTURE = path.join(__dirname, 'fixture');
export const FIXTURE_KERNELS = ['model', 'live'];

// Step files load once per process (require's cache): the support code is
// kept and reused, as runner/run-spec.ts does across kernels.
const supportOf = new Map<string, Awaited<ReturnType<typeof loadSupport>>>();

/** Profiles of `cwd`'s cucumber.js, on `paths` instead of the profiles' own features if given. */
interface Profiles {
  readonly profiles: string[];
  readonly paths?: readonly string[];
}

/** Runs `cwd`'s cucumber setup on each kernel; `provided` is the configuration per kernel. */
export async function runToNdjson(outDir: string, kernels: readonly string[], cwd: string, provided: (kernel: string) => object | Profiles): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const discard = new Writable({ write: (_c, _e, done) => done() });
  for (const kernel of kernels) {
    const options = provided(kernel);
    const profiles = 'profiles' in options ? (options as Profiles) : null;
    const { runConfiguration } = await loadConfiguration(profiles ? { profiles: profiles.profiles } : { provided: options as object }, { cwd, stdout: discard, stderr: discard });
    if (profiles?.paths) runConfiguration.sources.paths = [...profiles.paths];
    const support = supportOf.get(cwd) ?? (await loadSupport(runConfiguration, { cwd, stdout: discard, stderr: discard }));
    supportOf.set(cwd, support);
    const envelopes: messages.Envelope[] = [];
    await runCucumber({ ...runConfiguration, formats: { stdout: 'summary', files: {}, publish: false, options: {} }, support }, { cwd, stdout: discard, stderr: discard }, (e) => envelopes.push(e));
    writeFileSync(path.join(outDir, `${kernel}.ndjson`), envelopes.map((e) => `${JSON.stringify(e)}\n`).join(''));
  }
  return outDir;
}

/** The fixture suite's streams in a fresh temporary directory. */
export function runFixture(outDir: string = tempDir('fixture')): Promise<string> {
  return runToNdjson(outDir, FIXTURE_KERNELS, FIXTURE, (kernel) => ({
    paths: ['features/**/*.feature'],
    require: [path.join(FIXTURE, 'steps.ts')],
    requireModule: ['ts-node/register/transpile-only'],
    worldParameters: { kernel },
    tags: kernel === 'live' ? 'not @model-only' : '',
  }));
}
