import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Readable } from 'node:stream';
import { BackendUnavailable } from '../transcript/types';
import { onInterrupt } from './cleanup';
import { HELPER_BUILD_DIR } from './helpers';
import { hostCommand, type RootFile } from './root-files';
import { quoteWord } from './shell-line';
import { StreamBuffer } from './stream-buffer';

// The throwaway machine of one run: new mount, PID, network, IPC, UTS and
// cgroup namespaces (`unshare --mount --pid --net --ipc --uts --cgroup
// --fork --kill-child --propagation private`) whose first process builds a
// tmpfs root, pivots into it and becomes the transcript's top bash (PID 1 of
// the namespace). It holds nothing of the host's:
// - its network namespace has only `lo`, down, and no capability could bring
//   it up (no CAP_NET_ADMIN): no socket reaches the host, not even 127.0.0.1;
// - its root is a tmpfs holding only the dialect's programs and their
//   libraries: no /dev, no host file, no host mount (the old root is lazily
//   unmounted right after the pivot);
// - its capability bounding set is CAP_SYS_ADMIN and CAP_SETFCAP
//   (NAMESPACE_CAPS): what mount, umount, pivot_root, unshare -m and -Urm,
//   open_tree and move_mount need. Without CAP_MKNOD no device node can be made; the kernel would still let
//   CAP_SYS_ADMIN mount devtmpfs, which only the dialect's allow-list of
//   filesystem types (tmpfs, proc) refuses.
// Nothing of it is ever on the host's file system: inside the new mount
// namespace only, a tmpfs over SCRATCH_DIR holds the FIFO the shells
// read (opened from outside through /proc/PID/root) and, on a tmpfs of its
// own, the new root; the lazy unmount of the old root takes the first away.
// Whatever kills us, SIGKILL included, the namespace dies with us: unshare
// runs with a parent-death signal (setpriv --pdeathsig KILL) and kills its
// child, PID 1, when it dies (--kill-child); with PID 1 the kernel kills
// every process of the namespace, and with the last process the mount
// namespace and all its mounts go too.

/**
 * The capability bounding set of every process in the namespace (setpriv's
 * names): CAP_SYS_ADMIN for mount, umount, pivot_root, unshare -m, open_tree
 * and move_mount; CAP_SETFCAP because since 5.12 writing a uid_map that maps
 * uid 0 (what `unshare -Urm` writes) needs it.
 */
export const NAMESPACE_CAPS = ['sys_admin', 'setfcap'] as const;

/**
 * Where, inside the new namespace only, the set-up mounts its scratch tmpfs.
 * A directory of our own that holds nothing we copy: a tmpfs over the host's
 * tmpdir would hide a checkout under /tmp (a CI clone), and cp would find no
 * helper. It stays empty on the host, so a SIGKILL leaves nothing in it.
 */
const SCRATCH_DIR = join(HELPER_BUILD_DIR, '..', 'live-scratch');

// Runs as PID 1 of the new namespaces, with the host's bash and the host's
// tools named by absolute path, before the pivot. A handful of processes in
// all (one cp per target directory): process start-up is most of the
// set-up's cost. After `pivot_root . .` the old root sits on top of the new
// one at ".", so `/bin/...` already names the new root's files, and the lazy
// unmount of "." drops the whole host tree; libmount needs /proc to find
// ".", hence /proc is mounted first. stdin becomes the FIFO we write lines
// to: a real pipe, because Node's stdio "pipes" are socketpairs, and bash
// treats a socket on stdin as an ssh session. It lives outside the new root:
// an open unlinked file there would make a read-only remount of / (what
// `umount /` does) fail with EBUSY. Opening it blocks until we open it too,
// on the "-fifo" line. The shell starts with fds 0-2 only, and with
// RLIMIT_NOFILE's soft limit at 1024 as in the model (Node raised its own to
// the hard limit, and bash answers "exec N<PATH" by it).
function setupScript(copy: string): string {
  return `
set -e
tmp=$1 dirs=$2 mkdir=$3 cp=$4 mount=$5 pivot_root=$6 mkfifo=$7 ready=$8
"$mount" -t tmpfs none "$tmp"
"$mkfifo" -m 600 "$tmp/stdin"
"$mkdir" "$tmp/root"
"$mount" -t tmpfs none "$tmp/root"
cd "$tmp/root"
"$mkdir" -p $dirs
${copy}
printf '%s-fifo\\n' "$ready"
exec 0<"$tmp/stdin"
"$pivot_root" . .
/bin/mount -t proc proc /proc
/bin/umount -l .
cd /
/bin/mount -t tmpfs none /mnt
for fd in /proc/self/fd/*; do fd=\${fd##*/}; if [ "$fd" -gt 2 ]; then eval "exec $fd<&-"; fi; done
printf '%s\\n' "$ready"
unset tmp dirs mkdir cp mount pivot_root mkfifo ready OLDPWD
ulimit -S -n 1024
exec -a bash /bin/bash
`;
}

/** Shell commands that copy the root's files: one `cp -t DIR` for the files that keep their name, one `cp` for each renamed one. */
export function copyCommands(files: readonly RootFile[]): string {
  const byDir = new Map<string, string[]>();
  const renamed: string[] = [];
  for (const file of files) {
    if (posix.basename(file.source) === posix.basename(file.target)) {
      const dir = posix.dirname(file.target);
      byDir.set(dir, [...(byDir.get(dir) ?? []), file.source]);
    } else renamed.push(`"$cp" -L ${quoteWord(file.source)} ${quoteWord(`./${file.target}`)}`);
  }
  return [...[...byDir].map(([dir, sources]) => `"$cp" -L -t ${quoteWord(`./${dir}`)} ${sources.map((s) => quoteWord(s)).join(' ')}`), ...renamed].join('\n');
}

/** Every directory the root's files go to, and the top-level ones, for one `mkdir -p`. */
function directories(options: LaunchOptions): string[] {
  const dirs = new Set(options.dirs);
  for (const file of options.files) {
    for (let dir = posix.dirname(file.target); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) dirs.add(dir);
  }
  return [...dirs];
}

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
  private fifoFd: number | null = null;

  private constructor(private readonly child: Child) {
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
    const ready = `mountspec-ready-${process.pid}-${randomBytes(6).toString('hex')}`;
    let argv: string[];
    try {
      const tools = ['mkdir', 'cp', 'mount', 'pivot_root', 'mkfifo'].map(hostCommand);
      mkdirSync(SCRATCH_DIR, { recursive: true });
      argv = [
        hostCommand('setpriv'), '--pdeathsig', 'KILL', '--',
        hostCommand('unshare'), '--mount', '--pid', '--net', '--ipc', '--uts', '--cgroup', '--fork', '--kill-child', '--propagation', 'private', '--',
        hostCommand('setpriv'), '--bounding-set', `-all,${NAMESPACE_CAPS.map((c) => `+${c}`).join(',')}`, '--inh-caps', '-all', '--',
        hostCommand('bash'), '-c', setupScript(copyCommands(options.files)), 'setup', SCRATCH_DIR, directories(options).join(' '), ...tools, ready,
      ];
    } catch (error) {
      throw new BackendUnavailable('live', (error as Error).message);
    }
    const child = spawn(argv[0]!, argv.slice(1), {
      // Own process group: a terminal's ^C reaches only us, and we kill the namespace ourselves.
      cwd: '/', env: { ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    const namespace = new Namespace(child);
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
    if (this.exitStatus !== undefined) return;
    const target = this.shellPid || this.initPid() || this.child.pid;
    try {
      if (target) process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
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

  /** Kills what is left and waits (bounded) for it to go. */
  async dispose(): Promise<void> {
    this.kill();
    // A task stuck inside the kernel cannot be killed; don't hang with it.
    await Promise.race([this.closed, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    this.child.stdout.destroy();
    this.child.stderr.destroy();
    if (this.fifoFd !== null) closeSync(this.fifoFd);
    this.fifoFd = null;
    this.releaseInterrupt();
  }

  private async waitReady(ready: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await this.waitFor(`${ready}-fifo`, deadline);
    this.shellPid = this.initPid();
    if (!this.shellPid) throw new BackendUnavailable('live', 'cannot find the namespace’s first process (no /proc/PID/task/PID/children?)');
    // Read-write: opening a FIFO so never blocks, and it lets the shell's open for reading return.
    try {
      this.fifoFd = openSync(`/proc/${this.shellPid}/root${SCRATCH_DIR}/stdin`, constants.O_RDWR);
    } catch (error) {
      throw new BackendUnavailable('live', `cannot open the throwaway namespace's stdin FIFO: ${(error as Error).message}`);
    }
    const stat = fstatSync(this.fifoFd);
    this.stdin = `${stat.dev}:${stat.ino}`;
    await this.waitFor(ready, deadline);
  }

  /** Waits for the setup to print `line` on stdout, and drops everything up to it. */
  private async waitFor(line: string, deadline: number): Promise<void> {
    const marker = Buffer.from(`${line}\n`);
    for (;;) {
      const at = this.stdout.buffer.indexOf(marker);
      if (at >= 0) {
        this.stdout.take(at + marker.length);
        return;
      }
      if (this.exitStatus !== undefined || this.stdout.isEnded) {
        await this.closed;
        throw new BackendUnavailable('live', `setting up the throwaway root failed: ${lastLine(this.stderr.takeAll().toString()) || `exit status ${this.exitStatus}`}`);
      }
      const left = deadline - Date.now();
      if (left < 0) throw new BackendUnavailable('live', 'setting up the throwaway root took too long');
      // Woken by its output (or its end) rather than polled: the set-up takes 100 ms or more, a wake-up every 2 ms cost CPU.
      await Promise.race([this.stdout.changed(), this.closed, sleep(left + 1)]);
    }
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
