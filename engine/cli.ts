// `mountspec run --kernel <variant> [--json] FILE`: run a transcript and
// print it as a terminal would show it, or as one JSON object per command;
// `reproduce`, `variants`. The arguments are checked first (bin/args.js,
// one table of subcommands; HANDLERS below has each one's code). Bad input
// gets one clear line naming the file (and line) and exit 2.

import { readFileSync } from 'node:fs';
import { checkArgs, USAGE, UsageError, type CheckedArgs } from '../bin/args';
import { checkDialect } from './shell/dialect';
import { decodeTranscript, parseTranscript } from './transcript/parse';
import { BackendUnavailable, DialectError, type CommandResult } from './transcript/types';

// The engine (backends, the model, the live driver) loads only once the
// arguments and the transcript are known good: a usage error answers at once.

/** The JSON line of one command: exactly these keys, in this order. */
export function toJsonLine(r: CommandResult): string {
  return JSON.stringify({ command: r.command, status: r.status, stdout: r.stdout, stderr: r.stderr, kernel: r.kernel, stuck: r.stuck });
}

/** One command as a terminal shows it: prompt, output, console kernel messages. */
function terminalText(r: CommandResult): string {
  let text = `# ${r.command}\n${r.stdout}${r.stderr}`;
  for (const line of r.kernel) text += `${line}\n`;
  // The lines after a stuck one were typed but never read: a terminal shows nothing more.
  if (r.stuck) text += `-- stuck: "${r.command}" never returned; the shell takes no more input --\n`;
  return text;
}

/** The session as a terminal shows it, up to the first stuck command. */
export function toTerminal(results: readonly CommandResult[]): string {
  let text = '';
  for (const r of results) {
    text += terminalText(r);
    if (r.stuck) break;
  }
  return text;
}

/** Collects output into chunks of about 64 KiB: a write per command would cost more than the command. */
function chunked(out: (text: string) => void): { write(text: string): void; flush(): void } {
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length) out(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= 1 << 16) flush();
    },
    flush,
  };
}

function readTranscript(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`}`);
  }
  return decodeTranscript(bytes, file === '-' ? '<stdin>' : file);
}

async function run({ values, positionals }: CheckedArgs, out: (text: string) => void): Promise<void> {
  const kernel = values.kernel!;
  const file = positionals[0]!;
  const lines = parseTranscript(readTranscript(file), file === '-' ? '<stdin>' : file);
  if (lines.length === 0) throw new UsageError(`${file}: no command lines (lines beginning "# ")`);
  for (const line of lines) checkDialect(line); // every line, before the engine loads and anything runs
  const { createBackend } = require('./backends') as typeof import('./backends'); // eslint-disable-line @typescript-eslint/no-require-imports
  const backend = await createBackend(kernel);
  // Each result is printed as it comes and none is kept (a backend that can
  // stream them), so a long transcript runs in memory that does not grow.
  const output = chunked(out);
  if (!values.json) output.write(`[mountspec] kernel: ${backend.id} (${backend.description})\n`);
  let stopped = false;
  const print = (r: CommandResult) => {
    if (stopped) return;
    output.write(values.json ? `${toJsonLine(r)}\n` : terminalText(r));
    stopped = !values.json && r.stuck;
  };
  if (backend.stream) await backend.stream(lines, print);
  else for (const r of await backend.run(lines)) print(r);
  output.flush();
}

type Io = { out: (text: string) => void; err: (text: string) => void };

/** The subcommands: each gets its checked arguments (bin/args.js) and the raw ones after its name. */
const HANDLERS: Readonly<Record<CheckedArgs['command'], (args: CheckedArgs, rest: readonly string[], io: Io) => Promise<number>>> = {
  help: async (_args, _rest, io) => {
    io.out(`${USAGE}\n`);
    return 0;
  },
  run: async (args, _rest, io) => {
    await run(args, io.out);
    return 0;
  },
  reproduce: async (_args, rest, io) => (require('../runner/reproduce') as typeof import('../runner/reproduce')).reproduce(rest, io), // eslint-disable-line @typescript-eslint/no-require-imports
  explore: async (_args, rest, io) => (require('./explore/cli') as typeof import('./explore/cli')).exploreCommand(rest, io), // eslint-disable-line @typescript-eslint/no-require-imports
  variants: async (_args, _rest, io) => {
    const { VARIANTS } = require('./kernel/variants') as typeof import('./kernel/variants'); // eslint-disable-line @typescript-eslint/no-require-imports
    for (const v of Object.values(VARIANTS)) io.out(`${v.id}\t${v.description}\n`);
    io.out("live\tthe machine's own kernel, in a throwaway private mount namespace\n");
    return 0;
  },
};

/** The CLI; returns the exit status instead of exiting, for tests. */
export async function main(argv: string[], io: Io = { out: (t: string) => void process.stdout.write(t), err: (t: string) => void process.stderr.write(t) }): Promise<number> {
  try {
    const args = checkArgs(argv);
    return await HANDLERS[args.command](args, argv.slice(1), io);
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
