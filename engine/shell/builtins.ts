// The one table of the dialect's shell builtins: each with its forms (which
// the dialect check calls) and what it does to the shell that runs it.
// Builtins act on the shell's own task, with no fork.

import type { BoundSyscalls } from '../syscalls';
import { DialectError, type TranscriptLine } from '../transcript/types';
import type { Redirection } from './parse';
import { cd, pwd, type WorkingDirectory } from './working-directory';

/** What a command did to the list it is in: a status, or a nested shell now reads the lines that follow. */
export type ListOutcome = { readonly status: number } | { readonly nested: true };

/** The shell state a builtin reads and changes. */
export interface ShellState extends WorkingDirectory {
  /** Started as `sh` (or `-sh`): bash in POSIX mode. */
  readonly posix: boolean;
  /** $? */
  status: number;
}

export interface BuiltinContext {
  readonly args: readonly string[];
  readonly redirections: readonly Redirection[];
  readonly shell: ShellState;
  /** The shell's own task's syscalls. */
  readonly sys: BoundSyscalls;
  out(text: string): void;
  /** A message bash prints as it is. */
  warn(text: string): void;
  /** A message with bash's "NAME: line N: " prefix, and the status. */
  fail(message: string, status?: number): ListOutcome;
  /** Applies the redirections to the shell itself; bash's message on failure. */
  applyRedirections(): string | null;
  /** The shell exits with this status. */
  leave(status: number): ListOutcome;
}

export interface BuiltinSpec {
  readonly name: string;
  /** The dialect's forms, for the docs. */
  readonly usage: readonly string[];
  /** Throws a DialectError for a form outside the dialect. */
  check(argv: readonly string[], redirections: readonly Redirection[], place: TranscriptLine): void;
  run(ctx: BuiltinContext): ListOutcome;
}

/**
 * Every builtin but exec: no redirections (they would go to the shell's own
 * fds), and arguments only of the forms `args` accepts (a message says why
 * not): bash's options (cd -P, echo -e, pwd -L ...) are not modelled.
 */
function plain(name: string, usage: string, args: (argv: readonly string[]) => string | null, run: BuiltinSpec['run']): BuiltinSpec {
  return {
    name,
    usage: [usage],
    check: (argv, redirections, place) => {
      if (redirections.length) throw new DialectError(place, `redirections on the builtin "${name}" are not in the dialect`);
      const refused = args(argv.slice(1));
      if (refused !== null) throw new DialectError(place, `${argv.join(' ')}: ${refused} (the dialect has "${usage}")`);
    },
    run,
  };
}

const anyArgs = () => null;
const noArgs = (args: readonly string[]) => (args.length ? 'no arguments' : null);
const noOptions = (args: readonly string[]) => (args.some((a) => a.startsWith('-')) ? "bash's options are not in the dialect" : null);

/** cd and pwd, in bash's words; `sh` is bash in POSIX mode. */
function directoryBuiltin(ctx: BuiltinContext, word: 'cd' | 'pwd'): ListOutcome {
  const { args, shell } = ctx;
  if (word === 'cd' && args.length === 0) return ctx.fail('cd: HOME not set');
  if (word === 'cd' && args.length > 1) return ctx.fail('cd: too many arguments');
  const outcome = word === 'cd' ? cd(ctx.sys, shell, args[0]!, shell.posix) : pwd(ctx.sys, shell, shell.posix);
  if (outcome.warning) ctx.warn(`${outcome.warning}\n`);
  if (outcome.stdout) ctx.out(outcome.stdout);
  if (outcome.error) return ctx.fail(outcome.error);
  return { status: outcome.status };
}

const exec: BuiltinSpec = {
  name: 'exec',
  usage: ['exec N<PATH', 'exec N<&M', 'exec N<&-'],
  check: (argv, _redirections, place) => {
    if (argv.length > 1) throw new DialectError(place, 'exec of a program is not in the dialect: "exec" takes only redirections');
  },
  run: (ctx) => {
    const error = ctx.applyRedirections();
    if (!error) return { status: 0 };
    ctx.fail(error);
    // POSIX: a redirection error on a special builtin ends a
    // non-interactive shell; bash does so only as `sh` (posix mode).
    return ctx.shell.posix ? ctx.leave(1) : { status: 1 };
  },
};

const BUILTIN_LIST: readonly BuiltinSpec[] = [
  plain('cd', 'cd DIR', noOptions, (ctx) => directoryBuiltin(ctx, 'cd')),
  plain('pwd', 'pwd', noArgs, (ctx) => directoryBuiltin(ctx, 'pwd')),
  exec,
  plain('exit', 'exit [N]', (args) => (args.length > 1 || args.some((a) => !/^\d{1,9}$/.test(a)) ? 'one number at most' : null), (ctx) => {
    if (ctx.args.length > 1) return ctx.fail('exit: too many arguments');
    const status = ctx.args[0] === undefined ? ctx.shell.status : Number(ctx.args[0]) & 0xff;
    if (Number.isNaN(status)) return ctx.fail(`exit: ${ctx.args[0]}: numeric argument required`, 2);
    return ctx.leave(status);
  }),
  plain('true', 'true', anyArgs, () => ({ status: 0 })),
  plain('false', 'false', anyArgs, () => ({ status: 1 })),
  plain('echo', 'echo WORD...', (args) => (args[0] !== undefined && /^-[neE]+$/.test(args[0]) ? "echo's options are not in the dialect" : null), (ctx) => {
    ctx.out(`${ctx.args.join(' ')}\n`);
    return { status: 0 };
  }),
];

export const BUILTINS: ReadonlyMap<string, BuiltinSpec> = new Map(BUILTIN_LIST.map((b) => [b.name, b]));
