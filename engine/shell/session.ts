// The transcript shell: bash (and the nested `sh` shells the thread starts),
// running the dialect's lines against one model kernel. Builtins act on the
// shell's own task; every other command forks a child that applies its
// redirections and runs a program, as bash does. A line whose kernel work
// never returns leaves the whole session stuck.

import { strerror } from '../errno';
import { StuckTask } from '../kernel/kernel';
import { exitTask, forkTask } from '../kernel/task';
import type { Kernel, Task } from '../kernel/types';
import { createKernel } from '../kernel/boot';
import type { Variant, VariantId } from '../kernel/variants';
import { AT_FDCWD, O_RDONLY } from '../kernel/constants';
import { renderMountinfo } from '../observe/mountinfo';
import { snapshot } from '../observe/snapshot';
import type { CommandResult, TranscriptLine } from '../transcript/types';
import { checkInvariants } from '../invariants';
import { checkDialect } from './dialect';
import type { CommandList, Redirection, SimpleCommand } from './parse';
import { binIsNoexec, bindSyscalls, type ProgramOutcome } from './program';
import { cd, inheritedWorkingDirectory, pwd } from './working-directory';
import { PROGRAMS, programName, SHELLS } from './programs/index';

interface Shell {
  readonly task: Task;
  /** argv[0]: the prefix of its error messages ("bash: line 3: ...", "-sh: line 1: ..." for a login shell). */
  readonly name: string;
  /** Started as `sh` (or `-sh`): bash in POSIX mode. */
  readonly posix: boolean;
  linesRead: number;
  /** $? */
  status: number;
  /** $PWD: the name bash keeps for its cwd (cd /proc/self/fd/3 keeps that name); null once getcwd failed. */
  tcwd: string | null;
  /** Run by `exit`: the parent shell goes on with the rest of its command line. */
  readonly resume: ((status: number) => ListOutcome) | null;
}

type ListOutcome = { readonly status: number } | { readonly nested: true };

interface Output {
  stdout: string;
  stderr: string;
  place: TranscriptLine;
}

export class ModelSession {
  readonly kernel: Kernel;
  private readonly shells: Shell[];
  private stuck = false;
  /** The top shell exited: later lines are never read (reported like a stuck shell's). */
  private ended = false;

  constructor(variant: VariantId | Variant) {
    const { kernel, shell } = createKernel(variant);
    this.kernel = kernel;
    this.shells = [{ task: shell, name: 'bash', posix: false, linesRead: 0, status: 0, tcwd: '/', resume: null }];
    this.topTask = shell;
  }

  /** The top shell's task: whose mountinfo the results show. */
  readonly topTask: Task;
  /** What the top shell last saw, kept for the lines after it exited. */
  private lastMountinfo = '';

  /** Run one transcript line. Throws DialectError for a line outside the dialect. */
  run(place: TranscriptLine): CommandResult {
    const list = checkDialect(place);
    const logStart = this.kernel.log.length;
    const out: Output = { stdout: '', stderr: '', place };
    let status: number | null = null;
    if (this.ended) this.stuck = true;
    else if (!this.stuck) {
      const shell = this.current;
      shell.linesRead++;
      try {
        const outcome = this.runList(shell, list, 0, 0, out);
        status = 'status' in outcome ? outcome.status : null;
      } catch (error) {
        if (!(error instanceof StuckTask)) throw error;
        this.stuck = true;
        this.kernel.frames.length = 0; // the stuck CPU keeps them; the model stops here
      }
      if (!this.stuck) checkInvariants(this.kernel);
    }
    return {
      command: place.command,
      status,
      stdout: out.stdout,
      stderr: out.stderr,
      kernel: this.kernel.log.slice(logStart),
      stuck: this.stuck,
      mountinfo: this.topTask.exited ? this.lastMountinfo : (this.lastMountinfo = renderMountinfo(this.topTask)),
      state: snapshot(this.kernel),
    };
  }

  private get current(): Shell {
    return this.shells[this.shells.length - 1]!;
  }

  /** Run list items from `index` on, given the status of the one before. */
  private runList(shell: Shell, list: CommandList, index: number, previous: number, out: Output): ListOutcome {
    let status = previous;
    const items = [{ op: null, command: list.first }, ...list.rest];
    for (let i = index; i < items.length; i++) {
      const { op, command } = items[i]!;
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      const outcome = this.runSimple(shell, command, out, (s) => this.runList(shell, list, i + 1, s, out));
      if ('nested' in outcome) return outcome;
      status = outcome.status;
    }
    shell.status = status;
    return { status };
  }

  private runSimple(shell: Shell, command: SimpleCommand, out: Output, resume: (status: number) => ListOutcome): ListOutcome {
    const [word, ...args] = command.argv as [string, ...string[]];
    const fail = (message: string, status = 1): ListOutcome => {
      out.stderr += `${shell.name}: line ${shell.linesRead}: ${message}\n`;
      return { status };
    };
    switch (word) {
      case 'true':
        return { status: 0 };
      case 'false':
        return { status: 1 };
      case 'echo':
        out.stdout += `${args.join(' ')}\n`;
        return { status: 0 };
      case 'pwd':
      case 'cd':
        return this.directoryBuiltin(shell, word, args, out, fail);
      case 'exec': {
        const error = this.applyRedirections(shell.task, command.redirections);
        if (!error) return { status: 0 };
        fail(error);
        // POSIX: a redirection error on a special builtin ends a
        // non-interactive shell; bash does so only as `sh` (posix mode).
        return shell.posix ? this.leave(shell, 1) : { status: 1 };
      }
      case 'exit':
        return this.exit(shell, args, fail);
    }
    return this.runProgram(shell, command, out, resume, fail);
  }

  /** cd and pwd, in bash's words; `sh` is bash in POSIX mode. */
  private directoryBuiltin(shell: Shell, word: 'cd' | 'pwd', args: string[], out: Output, fail: (message: string) => ListOutcome): ListOutcome {
    const posix = shell.posix;
    if (word === 'cd' && args.length === 0) return fail('cd: HOME not set');
    if (word === 'cd' && args.length > 1) return fail('cd: too many arguments');
    const outcome = word === 'cd' ? cd(this.kernel, shell.task, shell, args[0]!, posix) : pwd(this.kernel, shell.task, shell, posix);
    if (outcome.warning) out.stderr += `${outcome.warning}\n`;
    if (outcome.stdout) out.stdout += outcome.stdout;
    if (outcome.error) return fail(outcome.error);
    return { status: outcome.status };
  }

  private exit(shell: Shell, args: string[], fail: (message: string, status?: number) => ListOutcome): ListOutcome {
    if (args.length > 1) return fail('exit: too many arguments');
    const status = args[0] === undefined ? shell.status : Number(args[0]) & 0xff;
    if (Number.isNaN(status)) return fail(`exit: ${args[0]}: numeric argument required`, 2);
    return this.leave(shell, status);
  }

  /** The shell process ends with `status`; its parent goes on, or nothing is left to read. */
  private leave(shell: Shell, status: number): ListOutcome {
    this.shells.pop();
    exitTask(this.kernel, shell.task);
    if (shell.resume) return shell.resume(status);
    // The top shell is gone: nothing reads the lines that follow.
    this.ended = true;
    return { status };
  }

  /** Redirections applied to `task`, bash-style; returns bash's message on failure. */
  private applyRedirections(task: Task, redirections: readonly Redirection[]): string | null {
    const sys = bindSyscalls(this.kernel, task);
    for (const r of redirections) {
      if (r.kind === 'close') {
        sys.close({ fd: r.fd }); // bash ignores closing an fd that is not open
        continue;
      }
      if (r.kind === 'dup') {
        if (r.from === r.fd) continue; // bash does nothing for N<&N, open or not
        const duped = sys.dup2({ oldfd: r.from, newfd: r.fd });
        if (!duped.ok) return `${r.from}: ${strerror(duped.errno)}`;
        continue;
      }
      const opened = sys.openat({ dfd: AT_FDCWD, path: r.path, flags: O_RDONLY });
      if (!opened.ok) return `${r.path}: ${strerror(opened.errno)}`;
      if (opened.value !== r.fd) {
        sys.dup2({ oldfd: opened.value, newfd: r.fd });
        sys.close({ fd: opened.value });
      }
    }
    return null;
  }

  private runProgram(shell: Shell, command: SimpleCommand, out: Output, resume: (status: number) => ListOutcome, fail: (message: string, status?: number) => ListOutcome): ListOutcome {
    const word = command.argv[0]!;
    const name = programName(word);
    const isShell = SHELLS.has(name);
    const program = PROGRAMS.get(name);
    if (!program && !isShell) {
      return word.includes('/') ? fail(`${word}: ${strerror('ENOENT')}`, 127) : fail(`${word}: command not found`, 127);
    }
    const child = forkTask(this.kernel, shell.task, name);
    const redirectError = this.applyRedirections(child, command.redirections);
    if (redirectError) {
      exitTask(this.kernel, child);
      return fail(redirectError);
    }
    if (binIsNoexec(this.kernel, child)) {
      exitTask(this.kernel, child);
      return fail(`/bin/${name}: ${strerror('EACCES')}`, 126); // bash names the file PATH found
    }
    let outcome: ProgramOutcome;
    if (isShell) outcome = { execShell: name, argv0: word };
    else {
      outcome = program!({
        k: this.kernel,
        task: child,
        argv: [name, ...command.argv.slice(1)],
        place: out.place,
        sys: bindSyscalls(this.kernel, child),
        out: (text) => (out.stdout += text),
        err: (text) => (out.stderr += text),
      });
    }
    if ('execShell' in outcome) {
      child.comm = outcome.execShell;
      // A new bash checks the $PWD it inherits against its cwd at start-up.
      const start = inheritedWorkingDirectory(this.kernel, child, shell.tcwd);
      if (start.warning) out.stderr += `${start.warning}\n`;
      this.shells.push({ task: child, name: outcome.argv0, posix: outcome.execShell === 'sh', linesRead: 0, status: 0, tcwd: start.tcwd, resume });
      return { nested: true };
    }
    exitTask(this.kernel, child);
    return { status: outcome.status };
  }
}

