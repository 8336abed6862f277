import { DialectError, type TranscriptLine } from './types';

const PROMPT = '# ';

/**
 * Reads a transcript as the thread prints it: lines that begin with `# ` are
 * commands, everything else is what the original session printed and is kept
 * only as narrative. A prompt with no command is an error (a typo, not a
 * command the shell could run).
 */
export function parseTranscript(text: string, file: string, firstLine = 1): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = firstLine + index;
    if (raw.trim() === '#') throw new DialectError({ file, line }, 'a prompt "# " with no command after it');
    if (!raw.startsWith(PROMPT)) return;
    // The thread's mail copy has non-breaking spaces before comments, some
    // mangled into "Â " (U+00A0 read as Latin-1); a terminal sent plain spaces.
    const command = raw.slice(PROMPT.length).replace(/\u00c2[\u00a0 ]|\u00a0/g, ' ').trimEnd();
    if (command.trim() === '') throw new DialectError({ file, line }, 'a prompt "# " with no command after it');
    lines.push({ command, file, line });
  });
  return lines;
}
