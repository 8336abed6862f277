import type { CommandList, Redirection, SimpleCommand } from '../shell/parse';

// Turns a parsed dialect line back into bash text. Re-serialising (rather
// than sending the line as typed) drops the trailing comment, which would
// otherwise swallow the status marker we append, and makes bash run exactly
// what the dialect parser (and so the model) understood.

// Words made only of these characters mean the same to bash bare and quoted.
const BARE = /^[A-Za-z0-9_\/.,:=+@%-]+$/;

// Reserved words would change bash's grammar in command position; the
// dialect treats them as ordinary command names.
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', 'coproc']);

export function quoteWord(word: string, commandPosition = false): string {
  const bare = BARE.test(word) && !(commandPosition && (word.includes('=') || RESERVED.has(word)));
  return bare ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function redirection(r: Redirection): string {
  switch (r.kind) {
    case 'open':
      return `${r.fd}<${quoteWord(r.path)}`;
    case 'dup':
      return `${r.fd}<&${r.from}`;
    case 'close':
      return `${r.fd}<&-`;
  }
}

function simple(command: SimpleCommand): string {
  const words = command.argv.map((word, i) => quoteWord(word, i === 0));
  return [...words, ...command.redirections.map(redirection)].join(' ');
}

/** Bash text for a parsed line, on one line, without any comment. */
export function serialise(list: CommandList): string {
  return [simple(list.first), ...list.rest.map(({ op, command }) => `${op} ${simple(command)}`)].join(' ');
}

/** Name of the marker function the driver exports into every shell of the run. */
export const MARKER_FUNCTION = '__m';

/**
 * The marker function, as bash imports it from the environment
 * (`BASH_FUNC___m%%`). It prints `@@mountspec:<token>:<seq>:<status>:<SHLVL>@@`
 * on stdout and on stderr, so each stream's output for a line ends at its
 * marker, then returns the line's status so the next line (a bare `exit`,
 * say) still sees the `$?` it would have seen at a terminal. Bash imports
 * exported functions in posix mode too, so nested `sh` shells have it.
 */
export function markerFunction(token: string): { readonly name: string; readonly value: string } {
  const line = `'@@mountspec:${token}:%s:%s:%s@@\\n' "$1" "$2" "$SHLVL"`;
  return {
    name: `BASH_FUNC_${MARKER_FUNCTION}%%`,
    value: `() { printf ${line}; printf ${line} >&2; return "$2"; }`,
  };
}

/** One input line for bash: the command, then the marker with its sequence number. */
export function markedLine(list: CommandList, seq: number): string {
  return `${serialise(list)} ; ${MARKER_FUNCTION} ${seq} $?\n`;
}

export interface Marker {
  readonly seq: number;
  readonly status: number;
  readonly shlvl: number;
  /** Byte offsets of the marker in the stream buffer. */
  readonly start: number;
  readonly end: number;
}

/** The first marker in a stream buffer, if complete. */
export function findMarker(buffer: Buffer, token: string): Marker | null {
  const prefix = `@@mountspec:${token}:`;
  const start = buffer.indexOf(prefix, 0, 'latin1');
  if (start < 0) return null;
  const close = buffer.indexOf('@@\n', start + prefix.length, 'latin1');
  if (close < 0) return null;
  const fields = buffer.toString('latin1', start + prefix.length, close).split(':').map(Number);
  const [seq, status, shlvl] = fields;
  if (fields.length !== 3 || seq === undefined || status === undefined || shlvl === undefined || fields.some(Number.isNaN)) {
    throw new Error(`garbled status marker: ${buffer.toString('latin1', start, close + 3)}`);
  }
  return { seq, status, shlvl, start, end: close + 3 };
}
