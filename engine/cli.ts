// `mountspec run --kernel <variant> [--json] FILE`: run a transcript and
// print it as a terminal would show it, or as one JSON object per command.
// Bad input gets one clear line naming the file (and line) and exit 2.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BACKEND_IDS, createBackend } from './backends';
import { VARIANTS } from './kernel/variants';
import { parseTranscript } from './transcript/parse';
import { BackendUnavailable, DialectError, type CommandResult } from './transcript/types';

const USAGE = `usage: mountspec run --kernel <${BACKEND_IDS.join('|')}> [--json] FILE
       mountspec reproduce FEATURE:LINE --kernel <kernel>   (one scenario; reports/ untouched)
       mountspec variants
FILE is a transcript: lines beginning "# " are commands; "-" reads standard input.`;

class UsageError extends Error {}

/** The JSON line of one command: exactly these keys, in this order. */
export function toJsonLine(r: CommandResult): string {
  return JSON.stringify({ command: r.command, status: r.status, stdout: r.stdout, stderr: r.stderr, kernel: r.kernel, stuck: r.stuck });
}

/** The session as a terminal shows it: prompt, output, console kernel messages. */
export function toTerminal(results: readonly CommandResult[]): string {
  let text = '';
  for (const r of results) {
    text += `# ${r.command}\n${r.stdout}${r.stderr}`;
    for (const line of r.kernel) text += `${line}\n`;
    if (!r.stuck) continue;
    // The lines after it were typed but never read: a terminal shows nothing more.
    text += `-- stuck: "${r.command}" never returned; the shell takes no more input --\n`;
    break;
  }
  return text;
}

function readTranscript(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`}`);
  }
}

async function run(args: string[], out: (text: string) => void): Promise<void> {
  const { values, positionals } = (() => {
    try {
      return parseArgs({ args, options: { kernel: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  })();
  if (positionals.length !== 1) throw new UsageError('run takes exactly one transcript FILE');
  const kernel = values.kernel;
  if (!kernel) throw new UsageError('--kernel is required');
  if (!(BACKEND_IDS as readonly string[]).includes(kernel)) throw new UsageError(`unknown kernel "${kernel}": choose one of ${BACKEND_IDS.join(', ')}`);
  const file = positionals[0]!;
  const lines = parseTranscript(readTranscript(file), file === '-' ? '<stdin>' : file);
  if (lines.length === 0) throw new UsageError(`${file}: no command lines (lines beginning "# ")`);
  const backend = await createBackend(kernel);
  const results = await backend.run(lines);
  if (values.json) out(results.map((r) => `${toJsonLine(r)}\n`).join(''));
  else out(`[mountspec] kernel: ${backend.id} (${backend.description})\n${toTerminal(results)}`);
}

/** The CLI; returns the exit status instead of exiting, for tests. */
export async function main(argv: string[], io = { out: (t: string) => void process.stdout.write(t), err: (t: string) => void process.stderr.write(t) }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'run') {
      await run(rest, io.out);
      return 0;
    }
    if (command === 'reproduce') return await (require('../runner/reproduce') as typeof import('../runner/reproduce')).reproduce(rest, io); // eslint-disable-line @typescript-eslint/no-require-imports
    if (command === 'variants') {
      for (const v of Object.values(VARIANTS)) io.out(`${v.id}\t${v.description}\n`);
      io.out('live\tthe machine\'s own kernel, in a throwaway private mount namespace\n');
      return 0;
    }
    if (command === '--help' || command === '-h') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) io.err(`mountspec: ${error.message}\n${USAGE}\n`);
    else if (error instanceof DialectError) io.err(`mountspec: ${error.message}\n`);
    else if (error instanceof BackendUnavailable) {
      io.err(`mountspec: ${error.message}\n`);
      return 3;
    } else throw error;
    return 2;
  }
}
