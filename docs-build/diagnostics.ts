// Diagnostics as a compiler prints them: `file:line:column: error: reason`,
// from the vfile messages the stages left (warnings) or threw (fatal). A
// fatal one ends the build with status 1 and no stack trace.

import { VFileMessage } from 'vfile-message';
import type { Stream } from './load';

export function formatMessage(m: VFileMessage): string {
  const where = [m.file || '<input>', m.line, m.line !== undefined ? m.column : undefined].filter((x) => x !== undefined && x !== null).join(':');
  return `${where}: ${m.fatal ? 'error' : 'warning'}: ${m.reason}`;
}

export function printWarnings(streams: readonly Stream[], write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  for (const s of streams) for (const m of s.file.messages) write(formatMessage(m));
}

/** A failure the user can act on, said in one line (`cannot write site/x.html: EACCES`): status 1, no stack. */
export class CliError extends Error {}

/** Runs a command's body; a fatal vfile message is the user's problem, anything else our bug. */
export async function runCli(name: string, body: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    if (error instanceof VFileMessage) {
      process.stderr.write(`${name}: ${formatMessage(error)}\n`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof CliError) {
      process.stderr.write(`${name}: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`${name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  }
}
