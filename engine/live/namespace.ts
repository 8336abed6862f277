import { execFileSync, spawn, type ChildProcessByStdio } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, readFileSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BackendUnavailable } from '../transcript/types';
import { onInterrupt } from './cleanup';
import { stdinIdentity } from './procfs';
import { hostCommand, type RootFile } from './root-files';
import { StreamBuffer } from './stream-buffer';

// The throwaway machine of one run: a new mount namespace and PID namespace
// (`unshare -m -p --fork --kill-child --propagation private`) whose first
// process builds a tmpfs root, pivots into it and becomes the transcript's
// top bash (PID 1 of the namespace). Killing that bash makes the kernel kill
// every process of the namespace, and with the last process the mount
// namespace and all its mounts go too: nothing is ever mounted on the host.

// Runs as PID 1 of the new namespaces, with the host's bash, before the
// pivot. stdin becomes the FIFO we write lines to: a real pipe, because
// Node's stdio "pipes" are socketpairs and bash takes a socket on stdin for
// an ssh session (and reads ~/.bashrc). After `pivot_root . .` the old root
// sits on top of the new one at ".", so `/bin/...` already names the new
// root's files, and the lazy unmount of "." drops the whole host tree;
// libmount needs /proc to find ".", hence /proc is mounted first. The
// shell starts with fds 0-2 only, whatever our own process inherited.
const SETUP = `
set -e
fifo=$1 root=$2 dirs=$3 cp=$4 mkdir=$5 mount=$6 pivot_root=$7 ready=$8
shift 8
exec 0<"$fifo"
"$mount" -t tmpfs none "$root"
cd "$root"
"$mkdir" $dirs
while [ $# -gt 0 ]; do "$mkdir" -p "./\${2%/*}"; "$cp" -L "$1" "./$2"; shift 2; done
"$pivot_root" . .
/bin/mount -t proc proc /proc
/bin/umount -l .
cd /
/bin/mount -t tmpfs none /mnt
printf '%s\\n' "$ready"
for fd in /proc/self/fd/*; do fd=\${fd##*/}; if [ "$fd" -gt 2 ]; then eval "exec $fd<&-"; fi; done
unset fifo root dirs cp mkdir mount pivot_root ready OLDPWD
exec -a bash /bin/bash
`;

export interface LaunchOptions {
  /** Top-level directories of the new root. */
  readonly dirs: readonly string[];
  readonly files: readonly RootFile[];
  /** The top bash's environment (the setup passes it through unchanged). */
  readonly env: Readonly<Record<string, string>>;
  readonly readyTimeoutMs: number;
}

type Child = ChildProcessByStdio<null, Readable, Readable>;

export class Namespace {
  readonly stdout: StreamBuffer;
  readonly stderr: StreamBuffer;
  /** Host PID of the top bash, PID 1 inside. */
  shellPid = 0;
  /** Identity of the FIFO on the top bash's fd 0: nested shells read the same one. */
  stdin = '';
  private exitStatus: number | null | undefined;
  private readonly closed: Promise<void>;
  private readonly releaseInterrupt: () => void;
  private tempDir: string | null;
  private fifoFd: number | null;

  private constructor(private readonly child: Child, tempDir: string, fifoFd: number) {
    this.tempDir = tempDir;
    this.fifoFd = fifoFd;
    this.stdout = new StreamBuffer(child.stdout);
    this.stderr = new StreamBuffer(child.stderr);
    this.closed = new Promise((resolve) => {
      child.on('close', (code, signal) => {
        this.exitStatus = code ?? (signal ? null : 0);
        resolve();
      });
      child.on('error', () => resolve());
    });
    this.releaseInterrupt = onInterrupt({ kill: () => this.kill(), gone: () => this.closed });
  }

  /** Creates the namespaces and the root, and waits until the top bash is about to read. */
  static async launch(options: LaunchOptions): Promise<Namespace> {
    const tempDir = mkdtempSync(join(tmpdir(), 'mountspec-live-'));
    const fifo = join(tempDir, 'stdin');
    const rootDir = join(tempDir, 'root');
    let fifoFd: number;
    try {
      mkdirSync(rootDir);
      execFileSync(hostCommand('mkfifo'), ['-m', '600', fifo]);
      // Read-write: opening a FIFO so never blocks, and the shell's open for reading then finds a writer.
      fifoFd = openSync(fifo, constants.O_RDWR);
    } catch (error) {
      rmSync(tempDir, { recursive: true, force: true });
      throw new BackendUnavailable('live', `cannot prepare ${tempDir}: ${(error as Error).message.split('\n')[0]}`);
    }
    const ready = `mountspec-ready-${process.pid}-${Date.now()}`;
    const tools = ['cp', 'mkdir', 'mount', 'pivot_root'].map(hostCommand);
    const pairs = options.files.flatMap((f) => [f.source, f.target]);
    const child = spawn(
      hostCommand('unshare'),
      ['--mount', '--pid', '--fork', '--kill-child', '--propagation', 'private', '--', hostCommand('bash'), '-c', SETUP, 'setup', fifo, rootDir, options.dirs.join(' '), ...tools, ready, ...pairs],
      // Own process group: a terminal's ^C reaches only us, and we kill the namespace ourselves.
      { cwd: '/', env: { ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    const namespace = new Namespace(child, tempDir, fifoFd);
    try {
      await namespace.waitReady(ready, options.readyTimeoutMs);
    } catch (error) {
      await namespace.dispose();
      throw error;
    }
    return namespace;
  }

  /** Sends text to the shells' stdin. */
  send(text: string): void {
    if (this.fifoFd !== null) writeSync(this.fifoFd, text);
  }

  /** Exit status of the top bash once it is gone (`null`: killed by a signal); `undefined` while it runs. */
  get exited(): number | null | undefined {
    return this.exitStatus;
  }

  /** The top bash's view of the mount table, read from outside; `null` once it is gone. */
  mountinfo(): string | null {
    if (this.exitStatus !== undefined || this.shellPid === 0) return null;
    try {
      return readFileSync(`/proc/${this.shellPid}/mountinfo`, 'utf8');
    } catch {
      return null;
    }
  }

  /**
   * SIGKILLs the namespace's PID 1; the kernel then kills the rest, and
   * unshare reaps it and exits. (Killing unshare itself would orphan PID 1
   * as a zombie.) Before unshare has forked, unshare is the one to kill.
   * Synchronous, for signal handlers.
   */
  kill(): void {
    if (this.exitStatus === undefined) {
      const target = this.shellPid || this.initPid() || this.child.pid;
      try {
        if (target) process.kill(target, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.removeTempDir();
  }

  /** unshare's one child: PID 1 of the namespace, whether still the setup script or already the top bash. */
  private initPid(): number {
    const unshare = this.child.pid;
    if (!unshare) return 0;
    try {
      return Number(readFileSync(`/proc/${unshare}/task/${unshare}/children`, 'utf8').trim().split(/\s+/)[0]) || 0;
    } catch {
      return 0;
    }
  }

  /** Kills what is left, waits (bounded) for it to go, removes the temp directory. */
  async dispose(): Promise<void> {
    this.kill();
    // A task stuck inside the kernel cannot be killed; don't hang with it.
    await Promise.race([this.closed, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    this.child.stdout.destroy();
    this.child.stderr.destroy();
    if (this.fifoFd !== null) closeSync(this.fifoFd);
    this.fifoFd = null;
    this.removeTempDir();
    this.releaseInterrupt();
  }

  private async waitReady(ready: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const marker = Buffer.from(`${ready}\n`);
    for (;;) {
      const at = this.stdout.buffer.indexOf(marker);
      if (at >= 0) {
        this.stdout.take(at + marker.length);
        break;
      }
      if (this.exitStatus !== undefined || this.stdout.isEnded) {
        await this.closed;
        throw new BackendUnavailable('live', `setting up the throwaway root failed: ${lastLine(this.stderr.takeAll().toString()) || `exit status ${this.exitStatus}`}`);
      }
      if (Date.now() > deadline) throw new BackendUnavailable('live', `setting up the throwaway root took more than ${timeoutMs} ms`);
      await sleep(2);
    }
    this.shellPid = this.initPid();
    if (!this.shellPid) throw new BackendUnavailable('live', 'cannot find the namespace’s first process (no /proc/PID/task/PID/children?)');
    this.stdin = stdinIdentity(this.shellPid) ?? '';
    // The shell has the FIFO open and pivot_root moved the tmpfs off the
    // directory: the host side is no longer needed.
    this.removeTempDir();
  }

  /** Removes the FIFO and the (empty) root directory; never recursive, so it cannot reach into a mount. */
  private removeTempDir(): void {
    if (this.tempDir === null) return;
    try {
      rmSync(join(this.tempDir, 'stdin'), { force: true });
      rmdirSync(join(this.tempDir, 'root'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
    }
    try {
      rmdirSync(this.tempDir);
      this.tempDir = null;
    } catch {
      // retried by dispose()
    }
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
