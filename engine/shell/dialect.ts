// Is a line inside the dialect? Checked for every line of a transcript
// before any of it runs, on the model and on the live kernel alike, so a bad
// line is reported with its place and nothing half-runs. What is allowed
// comes from the one registry of programs and the one table of builtins.

import { BUILTINS } from './builtins';
import { parseCommandLine, type CommandList, type SimpleCommand } from './parse';
import { PROGRAMS, programName } from './registry';
import { DialectError, type TranscriptLine } from '../transcript/types';

function checkSimple(command: SimpleCommand, place: TranscriptLine): void {
  const [word] = command.argv;
  if (word === undefined) throw new DialectError(place, 'a redirection without a command: use "exec N<PATH"');
  const builtin = BUILTINS.get(word);
  if (builtin) {
    builtin.check(command.argv, command.redirections, place);
    return;
  }
  const program = PROGRAMS.get(programName(word));
  if (!program) return; // bash answers "command not found" (127), on the model and the live kernel alike
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
