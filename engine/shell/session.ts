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
import { bindSyscalls } from '../syscalls';
import { BUILTINS, type ListOutcome, type ShellState } from './builtins';
import { checkDialect } from './dialect';
import type { CommandList, Redirection, SimpleCommand } from './parse';
import type { ProgramContext, ProgramOutcome } from './program';
import { PROGRAMS, programName } from './registry';
import { inheritedWorkingDirectory } from './working-directory';

interface Shell extends ShellState {
  readonly task: Task;
  /** argv[0]: the prefix of its error messages ("bash: line 3: ...", "-sh: line 1: ..." for a login shell). */
  readonly name: string;
  linesRead: number;
  /** $PWD: the name bash keeps for its cwd (cd /proc/self/fd/3 keeps that name); null once getcwd failed. */
  tcwd: string | null;
  /** Run by `exit`: the parent shell goes on with the rest of its command line. */
  readonly resume: ((status: number) => ListOutcome) | null;
}

interface Output {
  stdout: string;
  stderr: string;
  place: TranscriptLine;
}

export class ModelSession {
  readonly kernel: Kernel;
  private readonly snapshots: boolean;
  private readonly shells: Shell[];
  private stuck = false;
  /** The top shell exited: later lines are never read (reported like a stuck shell's). */
  private ended = false;

  /**
   * `snapshots: false` leaves out each result's `state` (the picture of
   * every mount and task): the CLI prints none, and taking one per line
   * costs as much as the whole state, so nested shells (a task each) made
   * a transcript quadratic.
   */
  constructor(variant: VariantId | Variant, options: { readonly snapshots?: boolean } = {}) {
    const { kernel, shell } = createKernel(variant);
    this.snapshots = options.snapshots ?? true;
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
      ...(this.snapshots ? { state: snapshot(this.kernel) } : {}),
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
    const builtin = BUILTINS.get(word);
    if (!builtin) return this.runProgram(shell, command, out, resume, fail);
    return builtin.run({
      args,
      redirections: command.redirections,
      shell,
      sys: bindSyscalls(this.kernel, shell.task),
      out: (text) => (out.stdout += text),
      warn: (text) => (out.stderr += text),
      fail,
      applyRedirections: () => this.applyRedirections(shell.task, command.redirections),
      leave: (status) => this.leave(shell, status),
    });
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
        // bash's do_redirection_internal(): dup2() onto N, then close the one it opened.
        const duped = sys.dup2({ oldfd: opened.value, newfd: r.fd });
        sys.close({ fd: opened.value });
        if (!duped.ok) return `${r.fd}: ${strerror(duped.errno)}`;
      }
    }
    return null;
  }

  private runProgram(shell: Shell, command: SimpleCommand, out: Output, resume: (status: number) => ListOutcome, fail: (message: string, status?: number) => ListOutcome): ListOutcome {
    const word = command.argv[0]!;
    const name = programName(word);
    const program = PROGRAMS.get(name);
    if (!program) {
      return word.includes('/') ? fail(`${word}: ${strerror('ENOENT')}`, 127) : fail(`${word}: command not found`, 127);
    }
    const child = forkTask(this.kernel, shell.task, name);
    const redirectError = this.applyRedirections(child, command.redirections);
    if (redirectError) {
      exitTask(this.kernel, child);
      return fail(redirectError);
    }
    const sys = bindSyscalls(this.kernel, child);
    const exec = sys.execve({ filename: `/bin/${name}` });
    if (!exec.ok) {
      exitTask(this.kernel, child);
      return fail(`/bin/${name}: ${strerror(exec.errno)}`, exec.errno === 'ENOENT' ? 127 : 126); // bash names the file PATH found
    }
    const ctx: ProgramContext = {
      argv: [name, ...command.argv.slice(1)],
      argv0: word,
      place: out.place,
      sys,
      out: (text) => (out.stdout += text),
      err: (text) => (out.stderr += text),
      execvp: (argv) => {
        // execvp() from inside a program (unshare, open_tree): PATH=/bin names only.
        const next = PROGRAMS.get(programName(argv[0]!));
        return next ? next.run({ ...ctx, argv: [next.name, ...argv.slice(1)], argv0: argv[0]! }, next.parse([next.name, ...argv.slice(1)], out.place)) : null;
      },
    };
    const outcome: ProgramOutcome = program.run(ctx, program.parse(ctx.argv, out.place));
    if ('execShell' in outcome) {
      child.comm = outcome.execShell;
      // A new bash checks the $PWD it inherits against its cwd at start-up.
      const start = inheritedWorkingDirectory(sys, shell.tcwd);
      if (start.warning) out.stderr += `${start.warning}\n`;
      this.shells.push({ task: child, name: outcome.argv0, posix: outcome.execShell === 'sh', linesRead: 0, status: 0, tcwd: start.tcwd, resume });
      return { nested: true };
    }
    exitTask(this.kernel, child);
    return { status: outcome.status };
  }
}
