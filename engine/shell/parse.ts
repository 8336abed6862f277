import { DialectError, type TranscriptLine } from '../transcript/types';

// The shell grammar of the dialect: simple commands joined by && and ||,
// with redirections of the forms the thread uses (N<PATH, N<&M, N<&-).
// It is an allow-list: a bare word holds only characters bash gives no
// meaning to, quotes are taken literally, and everything else a real shell
// would accept (pipes, ;, $vars, globs, braces, here-documents, process
// substitution, ...) is reported with its place, never guessed at.

export type Redirection =
  | { readonly kind: 'open'; readonly fd: number; readonly path: string }
  | { readonly kind: 'dup'; readonly fd: number; readonly from: number }
  | { readonly kind: 'close'; readonly fd: number };

export interface SimpleCommand {
  readonly argv: readonly string[];
  readonly redirections: readonly Redirection[];
}

/** `first`, then each `rest` item runs depending on the previous status. */
export interface CommandList {
  readonly first: SimpleCommand;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly command: SimpleCommand }[];
}

type Token = { readonly kind: 'word'; readonly text: string } | { readonly kind: 'op'; readonly text: '&&' | '||' } | { readonly kind: 'redir'; readonly redirection: Redirection };

/** The largest fd a redirection may name: below the shell's RLIMIT_NOFILE (1024), so model and kernel answer alike. */
export const MAX_FD = 1023;

/** Characters a bare word may hold: bash gives none of them a meaning there ("#" only starts a comment at a word's start). */
const BARE_CHAR = /^[A-Za-z0-9_.\/,:+%@=#-]$/;

/** Why a character outside a word's allow-list is refused. */
const REFUSED: Record<string, string> = {
  '|': 'pipes are not in the dialect',
  ';': '";" is not in the dialect: put each command on its own "# " line',
  '&': 'background jobs ("&") and "&>" are not in the dialect',
  '(': 'subshells, "(( ))" and process substitution are not in the dialect',
  ')': 'subshells, "(( ))" and process substitution are not in the dialect',
  '`': 'command substitution is not in the dialect',
  $: 'variables and expansions ($VAR, $(...), $((...)), $\'...\') are not in the dialect',
  '>': 'output redirection (">", ">>", ">|", ">&") is not in the dialect (only N<PATH, N<&M, N<&-)',
  '*': 'globs are not in the dialect',
  '?': 'globs are not in the dialect',
  '[': 'globs and "[" / "[[" tests are not in the dialect',
  ']': 'globs and "[" / "[[" tests are not in the dialect',
  '~': 'tilde expansion is not in the dialect',
  '{': 'brace expansion and "{ }" groups are not in the dialect',
  '}': 'brace expansion and "{ }" groups are not in the dialect',
  '!': 'history expansion and "!" are not in the dialect',
  '^': 'history substitution ("^old^new") is not in the dialect',
};

function refusal(c: string): string {
  const reason = REFUSED[c];
  if (reason !== undefined) return reason;
  if (c.charCodeAt(0) > 0x7e) return `"${c}" outside quotes is not in the dialect`;
  return `"${c}" is not in the dialect`;
}

/** A control character anywhere (NUL, ESC, CR, ...) is refused: bash and the kernel would each read it their own way. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

function fdNumber(digits: string, fail: (reason: string) => never): number {
  if (digits.length > 4 || Number(digits) > MAX_FD) fail(`file descriptor ${digits} is beyond the dialect's limit (0-${MAX_FD}, below the shell's RLIMIT_NOFILE)`);
  return Number(digits);
}

/** Splits one command line into tokens, bash-style, within the dialect. */
function tokenize(source: TranscriptLine): Token[] {
  const text = source.command;
  const fail = (reason: string): never => {
    throw new DialectError(source, `${reason}: ${JSON.stringify(text)}`);
  };
  const control = CONTROL.exec(text);
  if (control) fail(`a control character (U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}) is not in the dialect`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '#') break; // a comment runs to the end of the line
    if (text.startsWith('&&', i) || text.startsWith('||', i)) {
      tokens.push({ kind: 'op', text: text.slice(i, i + 2) as '&&' | '||' });
      i += 2;
      continue;
    }
    // A redirection: optional fd digits, '<', then '&N', '&-' or a path word.
    // Digits are an fd number only when they start a word ("3<"); a bare
    // "<" anywhere redirects stdin, as in bash.
    const redir = /^(\d*)</.exec(text.slice(i));
    if (redir && (redir[1] === '' || isWordStart(text, i))) {
      const fd = redir[1] === '' ? 0 : fdNumber(redir[1]!, fail);
      i += redir[0].length;
      const next = text[i];
      if (next === '<') fail('here-documents and here-strings ("<<", "<<<") are not in the dialect');
      if (next === '>') fail('"<>" (open for reading and writing) is not in the dialect');
      if (next === '(') fail('process substitution ("<(...)") is not in the dialect');
      if (next === '&') {
        const dup = /^&(\d+|-)(?=$|[ \t]|&&|\|\|)/.exec(text.slice(i));
        if (!dup) fail('"<&" takes a file descriptor number or "-"');
        i += dup![0].length;
        if (dup![1] === '-') tokens.push({ kind: 'redir', redirection: { kind: 'close', fd } });
        else tokens.push({ kind: 'redir', redirection: { kind: 'dup', fd, from: fdNumber(dup![1]!, fail) } });
        continue;
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      const word = readWord(text, i, fail);
      if (word.text === '') fail('a "<" redirection needs a path after it');
      tokens.push({ kind: 'redir', redirection: { kind: 'open', fd, path: word.text } });
      i = word.end;
      continue;
    }
    const word = readWord(text, i, fail);
    tokens.push({ kind: 'word', text: word.text });
    i = word.end;
  }
  return tokens;
}

function isWordStart(text: string, i: number): boolean {
  return i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t';
}

function readWord(text: string, start: number, fail: (reason: string) => never): { text: string; end: number } {
  let out = '';
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') break;
    if (c === '<' || text.startsWith('&&', i) || text.startsWith('||', i)) break;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) fail('unterminated single quote');
      out += text.slice(i + 1, close);
      i = close + 1;
      continue;
    }
    if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) fail('unterminated double quote');
      const inner = text.slice(i + 1, close);
      if (/[$`\\]/.test(inner)) fail('expansions inside double quotes are not in the dialect');
      out += inner;
      i = close + 1;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= text.length) fail('a backslash at the end of the line');
      out += text[i + 1];
      i += 2;
      continue;
    }
    if (!BARE_CHAR.test(c)) fail(refusal(c));
    out += c;
    i++;
  }
  return { text: out, end: i };
}

/** Parses one transcript line into a command list, or throws a DialectError naming the line. */
export function parseCommandLine(source: TranscriptLine): CommandList {
  const tokens = tokenize(source);
  const commands: { op: '&&' | '||' | null; command: SimpleCommand }[] = [];
  let argv: string[] = [];
  let redirections: Redirection[] = [];
  let op: '&&' | '||' | null = null;
  const finish = (next: '&&' | '||' | null) => {
    if (argv.length === 0 && redirections.length === 0) {
      throw new DialectError(source, `a command is missing ${next ? `before "${next}"` : `after "${op}"`}: ${JSON.stringify(source.command)}`);
    }
    commands.push({ op, command: { argv, redirections } });
    argv = [];
    redirections = [];
    op = next;
  };
  for (const token of tokens) {
    if (token.kind === 'op') finish(token.text);
    else if (token.kind === 'redir') redirections.push(token.redirection);
    else argv.push(token.text);
  }
  if (tokens.length === 0) throw new DialectError(source, 'an empty command line (only a comment?)');
  finish(null);
  const [first, ...rest] = commands;
  return { first: first!.command, rest: rest.map((c) => ({ op: c.op!, command: c.command })) };
}
