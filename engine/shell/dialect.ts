// Is a line inside the dialect? Checked for every line of a transcript
// before any of it runs, on the model and on the live kernel alike, so a bad
// line is reported with its place and nothing half-runs.

import { parseCommandLine, type CommandList, type SimpleCommand } from './parse';
import { coreutilsOperands, COREUTILS_OPTIONS } from './programs/coreutils';
import { programName, SHELLS } from './programs/index';
import { openTreeArgs } from './programs/mount-helpers';
import { parseUnshareArgs } from './programs/unshare';
import { parseMountArgs, parseUmountArgs } from './programs/util-linux';
import { DialectError, type TranscriptLine } from '../transcript/types';

export const BUILTINS = new Set(['cd', 'pwd', 'exec', 'exit', 'true', 'false', 'echo']);

function checkSimple(command: SimpleCommand, place: TranscriptLine): void {
  const [word] = command.argv;
  if (word === undefined) throw new DialectError(place, 'a redirection without a command: use "exec N<PATH"');
  if (BUILTINS.has(word)) {
    if (word === 'exec' && command.argv.length > 1) throw new DialectError(place, 'exec of a program is not in the dialect: "exec" takes only redirections');
    if (word !== 'exec' && command.redirections.length) throw new DialectError(place, `redirections on the builtin "${word}" are not in the dialect`);
    return;
  }
  const name = programName(word);
  if (name === 'mount') parseMountArgs(command.argv, place);
  else if (name === 'umount') parseUmountArgs(command.argv, place);
  else if (Object.hasOwn(COREUTILS_OPTIONS, name)) coreutilsOperands([name, ...command.argv.slice(1)], place);
  else if (SHELLS.has(name) && command.argv.length > 1) throw new DialectError(place, `${name} with arguments is not in the dialect: a nested shell reads the lines that follow`);
  else if (name === 'open_tree_clone' || name === 'open_tree') checkExecuted(openTreeArgs([name, ...command.argv.slice(1)]).command, place);
  else if (name === 'unshare') checkExecuted(parseUnshareArgs(command.argv, place).command, place);
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
