// `npm run docs`: run the spec (its failure does not stop the site; its status
// is reported and becomes ours), build site/, serve it on 127.0.0.1.
//   --no-serve     build only          --no-spec   use the reports as they are
//   --reports DIR  (default reports)   --out DIR   (default site)
//   --port N       (default 8080; 0 picks a free one)
//   --base-url P   serve it under the sub-path P (e.g. /mountspec/, as GitHub
//                  Pages publishes it); every link is relative, so the same
//                  files work at any path and from file://

import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { CliError, printWarnings, runCli } from './diagnostics';
import { build } from './index';
import { normalizeBase, serve } from './serve';

function runSpec(): number {
  process.stdout.write('docs: running the spec (npm run test:spec)…\n');
  const run = spawnSync('npm', ['run', '--silent', 'test:spec'], { stdio: 'inherit' });
  const status = run.status ?? 1;
  process.stdout.write(status === 0 ? 'docs: the spec holds\n' : `docs: the spec does not hold (npm run test:spec exited ${status}); building the site from its reports anyway\n`);
  return status;
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'no-serve': { type: 'boolean', default: false },
      'no-spec': { type: 'boolean', default: false },
      reports: { type: 'string', default: 'reports' },
      out: { type: 'string', default: 'site' },
      port: { type: 'string', default: '8080' },
      'base-url': { type: 'string', default: '/' },
    },
  });
  let base: string;
  try {
    base = normalizeBase(values['base-url']);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const specStatus = values['no-spec'] ? 0 : runSpec();
  const started = performance.now();
  const { spec, streams, files } = build({ reports: values.reports, out: values.out });
  printWarnings(streams);
  const scenarios = spec.features.reduce((n, f) => n + f.scenarios.length, 0);
  process.stdout.write(`docs: wrote ${files.size} files to ${values.out}/ (${spec.features.length} features, ${scenarios} scenarios, ${spec.kernels.length} kernels) in ${Math.round(performance.now() - started)} ms\n`);
  if (values['no-serve']) return specStatus;
  const { url } = await serve(values.out, Number(values.port), base);
  process.stdout.write(`docs: serving ${values.out}/ at ${url} (Ctrl-C to stop)\n`);
  return new Promise<number>(() => {}); // serve until interrupted
}

void runCli('docs', () => main(process.argv.slice(2)));
