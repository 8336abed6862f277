// Is a line inside the dialect? Checked for every line of a transcript
// before any of it runs, on the model and on the live kernel alike, so a bad
// line is reported with its place and nothing half-runs. What is allowed
// comes from the one registry of programs and the one table of builtins.

import { BUILTINS } from './builtins';
import { parseCommandLine, type CommandList, type SimpleCommand } from './parse';
import { PROGRAMS, programName } from './registry';
import { DialectError, type TranscriptLine } from '../transcript/types';

/**
 * bash's builtins and reserved words (bash 5.2, `enable -a` and `compgen
 * -k`) other than the dialect's own: each would run inside bash with no
 * program the dialect knows (eval, source, trap, command ...), so a line
 * naming one in command position is refused.
 */
export const BASH_BUILTINS_AND_KEYWORDS: ReadonlySet<string> = new Set([
  '.', ':', '[', 'alias', 'bg', 'bind', 'break', 'builtin', 'caller', 'cd', 'command', 'compgen', 'complete', 'compopt', 'continue',
  'declare', 'dirs', 'disown', 'echo', 'enable', 'eval', 'exec', 'exit', 'export', 'false', 'fc', 'fg', 'getopts', 'hash', 'help',
  'history', 'jobs', 'kill', 'let', 'local', 'logout', 'mapfile', 'popd', 'printf', 'pushd', 'pwd', 'read', 'readarray', 'readonly',
  'return', 'set', 'shift', 'shopt', 'source', 'suspend', 'test', 'times', 'trap', 'true', 'type', 'typeset', 'ulimit', 'umask',
  'unalias', 'unset', 'wait',
  'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time',
  'coproc', '{', '}', '!', '[[', ']]',
]);

/** A command name bash would look up on PATH and not find: "command not found" on the model and the live kernel alike. */
const UNKNOWN_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** An assignment word (NAME=value, NAME+=value) in command position. */
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/**
 * A redirection's path: never one of bash's special files (/dev/tcp/HOST/PORT,
 * /dev/udp, /dev/fd/N, /dev/stdin ...: bash opens those itself, without the
 * kernel's path walk), nor anything else under /dev, which the namespace's
 * tree does not have (".." is followed textually first). Every other path
 * is walked by the kernel inside the namespace's own root.
 */
function checkRedirectionPath(path: string, place: TranscriptLine): void {
  if (!path.startsWith('/')) return; // relative: bash's special files are all absolute names
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const top = parts[0];
  if (top === 'dev' || /^\/+dev(\/|$)/.test(path)) {
    throw new DialectError(place, `${path}: bash's special files (/dev/tcp, /dev/udp, /dev/fd, /dev/stdin, ...) are not in the dialect, and the namespace has no /dev`);
  }
}

function checkSimple(command: SimpleCommand, place: TranscriptLine): void {
  const [word] = command.argv;
  if (word === undefined) throw new DialectError(place, 'a redirection without a command: use "exec N<PATH"');
  for (const r of command.redirections) if (r.kind === 'open') checkRedirectionPath(r.path, place);
  if (ASSIGNMENT.test(word)) throw new DialectError(place, `assignments ("${word}") are not in the dialect`);
  const builtin = BUILTINS.get(word);
  if (builtin) {
    builtin.check(command.argv, command.redirections, place);
    return;
  }
  const program = PROGRAMS.get(programName(word));
  if (!program) {
    if (BASH_BUILTINS_AND_KEYWORDS.has(word)) throw new DialectError(place, `"${word}" is a bash builtin or keyword the dialect does not have`);
    if (word.includes('/')) throw new DialectError(place, `${word}: the dialect runs its programs by name or as /bin/NAME`);
    if (!UNKNOWN_NAME.test(word)) throw new DialectError(place, `"${word}" is not a command name the dialect accepts`);
    return; // bash answers "command not found" (127), on the model and the live kernel alike
  }
  const args = program.parse([program.name, ...command.argv.slice(1)], place);
  if (program.execs) checkExecuted(program.execs(args), place);
}

/** The program a helper execs (open_tree[_clone] N CMD..., unshare -m CMD...) is a dialect command too. */
function checkExecuted(argv: readonly string[], place: TranscriptLine): void {
  if (argv.length === 0) return;
  const word = argv[0]!;
  if (word.includes('/') && !word.startsWith('/bin/')) throw new DialectError(place, `${word}: an exec'd program is named as on PATH (/bin)`);
  checkSimple({ argv, redirections: [] }, place);
}

/** Parse a line and check every command in it; throws DialectError naming the line. */
export function checkDialect(place: TranscriptLine): CommandList {
  const list = parseCommandLine(place);
  checkSimple(list.first, place);
  for (const { command } of list.rest) checkSimple(command, place);
  return list;
}
