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

/**
 * A transcript's bytes as text: UTF-8, or a DialectError naming the first
 * line that is not (a byte sequence bash and the model would each read
 * their own way).
 */
export function decodeTranscript(bytes: Uint8Array, file: string): string {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return strict.decode(bytes);
  } catch {
    let start = 0;
    for (let line = 1; ; line++) {
      const end = bytes.indexOf(0x0a, start);
      const slice = bytes.subarray(start, end < 0 ? bytes.length : end);
      try {
        strict.decode(slice);
      } catch {
        throw new DialectError({ file, line }, 'invalid UTF-8: a transcript is UTF-8 text');
      }
      if (end < 0) throw new DialectError({ file, line }, 'invalid UTF-8: a transcript is UTF-8 text');
      start = end + 1;
    }
  }
}
