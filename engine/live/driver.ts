import { checkDialect } from '../shell/dialect';
import type { CommandList } from '../shell/parse';
import { DialectError, type CommandResult, type TranscriptLine } from '../transcript/types';
import type { KmsgReader } from './kmsg';
import { sleep, type Namespace } from './namespace';
import { findWaitingShell, isReadingStdin } from './procfs';
import { findMarker, markedLine, serialise, type Marker } from './shell-line';

// The shell protocol: each transcript line goes to bash as exactly one input
// line (so bash's own `line N` counts transcript lines), followed on that
// line by `; __m <seq> $?`. A line is done when its marker has come out on
// both stdout and stderr -- everything before the marker on each stream is
// the line's output. A line that starts a nested shell never prints its
// marker until that shell exits: we see instead a new shell blocked reading
// stdin, report the line `status: null`, and expect the marker with the
// line's seq later, on the line that ends the nested shell (`exit`).

/** Look again at least this often while waiting for a second stream's marker (the shell's exit shows in neither stream). */
const POLL_MS = 20;
/** How often to look for a nested shell (it costs a few /proc reads). */
const SHELL_POLL_MS = 15;
/**
 * Once the first stream's marker is in, the second is awaited until the shell
 * that ran the line is back reading stdin (so it has written all it will for
 * the line: a stream still without its marker had fd 1 or 2 closed), then this
 * long for the bytes in the pipe to reach us. A fixed wait (500 ms) was too
 * short under load: the marker came during the next line, which then failed.
 */
const SECOND_MARKER_SETTLE_MS = 50;
/** A nested shell may print before it blocks; let those bytes reach us. */
const SETTLE_MS = 20;

export interface ParsedLine {
  readonly command: string;
  readonly list: CommandList;
  /** Where the line came from: the driver checks its text against the dialect again. */
  readonly place: TranscriptLine;
}

/**
 * The dialect's allow-list once more, in the driver itself, on the text of
 * every line before any is sent: a line it refuses (or a parsed list that
 * is not what the text says) throws a DialectError and nothing reaches bash.
 */
export function acceptedLines(lines: readonly ParsedLine[]): CommandList[] {
  return lines.map((line) => {
    const list = checkDialect(line.place);
    if (line.command !== line.place.command || serialise(list) !== serialise(line.list)) {
      throw new DialectError(line.place, 'the line to send is not the line the dialect accepted');
    }
    return list;
  });
}

interface Nested {
  readonly seq: number;
  readonly pid: number;
}

type Outcome =
  | { readonly kind: 'marker'; readonly status: number; readonly seq: number }
  | { readonly kind: 'nested'; readonly pid: number }
  | { readonly kind: 'exited'; readonly status: number | null }
  | { readonly kind: 'stuck' };

export class Driver {
  private readonly nested: Nested[] = [];
  private lastMountinfo: string;
  private dead = false;

  constructor(
    private readonly namespace: Namespace,
    private readonly kmsg: KmsgReader,
    private readonly token: string,
    private readonly timeoutMs: number,
  ) {
    this.lastMountinfo = namespace.mountinfo() ?? '';
  }

  async run(lines: readonly ParsedLine[]): Promise<CommandResult[]> {
    const accepted = acceptedLines(lines);
    const results: CommandResult[] = [];
    for (const [index, line] of lines.entries()) {
      results.push(this.dead ? this.deadResult(line.command) : await this.runLine({ ...line, list: accepted[index]! }, index + 1));
    }
    return results;
  }

  private async runLine(line: ParsedLine, seq: number): Promise<CommandResult> {
    this.kmsg.read(); // whatever was logged between lines is not this command's
    this.namespace.send(markedLine(line.list, seq));
    const outcome = await this.waitForOutcome(seq);
    const result = (status: number | null, stuck: boolean, stdout: Buffer, stderr: Buffer): CommandResult => ({
      command: line.command,
      status,
      stdout: stdout.toString('utf8'),
      stderr: stderr.toString('utf8'),
      kernel: this.kmsg.read(),
      stuck,
      mountinfo: this.readMountinfo(),
    });
    switch (outcome.kind) {
      case 'marker': {
        const [stdout, stderr] = await this.takeThroughMarkers(outcome.seq);
        return result(outcome.status, false, stdout, stderr);
      }
      case 'nested':
        this.nested.push({ seq, pid: outcome.pid });
        await sleep(SETTLE_MS);
        return result(null, false, this.namespace.stdout.takeAll(), this.namespace.stderr.takeAll());
      case 'exited':
        // The top shell itself exited (`exit` at the top level): nothing reads the lines after this one.
        this.dead = true;
        return result(outcome.status, false, this.namespace.stdout.takeAll(), this.namespace.stderr.takeAll());
      case 'stuck': {
        const stuck = result(null, true, this.namespace.stdout.takeAll(), this.namespace.stderr.takeAll());
        this.dead = true;
        this.namespace.kill();
        return stuck;
      }
    }
  }

  /** Waits for the line's (or an enclosing nested line's) marker, a new waiting shell, the shell's exit, or the timeout. */
  private async waitForOutcome(seq: number): Promise<Outcome> {
    const started = Date.now();
    let nextShellPoll = started + SHELL_POLL_MS;
    for (;;) {
      const marker = findMarker(this.namespace.stdout.buffer, this.token) ?? findMarker(this.namespace.stderr.buffer, this.token);
      if (marker) return this.markerOutcome(marker, seq);
      if (this.namespace.exited !== undefined) return { kind: 'exited', status: this.namespace.exited };
      const now = Date.now();
      if (now >= nextShellPoll) {
        nextShellPoll = now + SHELL_POLL_MS;
        const known = new Set([this.namespace.shellPid, ...this.nested.map((n) => n.pid)]);
        const pid = findWaitingShell(this.namespace.shellPid, this.namespace.stdin, known);
        if (pid !== null) return { kind: 'nested', pid };
      }
      if (now - started >= this.timeoutMs) return { kind: 'stuck' };
      await this.outputOr(Math.min(nextShellPoll, started + this.timeoutMs) - now);
    }
  }

  /** Waits until a stream that is still open has new bytes (or ends), or `ms` pass. */
  private outputOr(ms: number): Promise<unknown> {
    const open = [this.namespace.stdout, this.namespace.stderr].filter((stream) => !stream.isEnded);
    return Promise.race([...open.map((stream) => stream.changed()), sleep(Math.max(1, ms))]);
  }

  private markerOutcome(marker: Marker, seq: number): Outcome {
    if (marker.seq !== seq) {
      // The line ended a nested shell: the marker is that of the line that started it.
      const depth = this.nested.findIndex((n) => n.seq === marker.seq);
      if (depth < 0) throw new Error(`live backend: marker for line ${marker.seq} while running line ${seq}`);
      this.nested.splice(depth);
    }
    return { kind: 'marker', status: marker.status, seq: marker.seq };
  }

  /** Cuts each stream at its marker for `seq`; a stream whose marker never comes (fd closed) gives all it has. */
  private async takeThroughMarkers(seq: number): Promise<[Buffer, Buffer]> {
    const deadline = Date.now() + this.timeoutMs;
    let idleSince: number | null = null;
    const taken: [Buffer | null, Buffer | null] = [null, null];
    const streams = [this.namespace.stdout, this.namespace.stderr] as const;
    for (;;) {
      streams.forEach((stream, i) => {
        if (taken[i] !== null) return;
        const marker = findMarker(stream.buffer, this.token);
        if (!marker) return;
        if (marker.seq !== seq) throw new Error(`live backend: stream markers disagree (${marker.seq} vs ${seq})`);
        const output = stream.take(marker.start);
        stream.take(marker.end - marker.start);
        taken[i] = Buffer.from(output);
      });
      if (taken[0] !== null && taken[1] !== null) return [taken[0], taken[1]];
      const now = Date.now();
      if (idleSince === null && this.shellWaiting()) idleSince = now;
      if ((idleSince !== null && now - idleSince >= SECOND_MARKER_SETTLE_MS) || now >= deadline || this.namespace.exited !== undefined) {
        return [taken[0] ?? streams[0].takeAll(), taken[1] ?? streams[1].takeAll()];
      }
      await this.outputOr(Math.min(POLL_MS, deadline - now));
      // Past the poll phase, so bytes already in the pipes have been read before the next look.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The shell now reading the transcript's lines is blocked reading the next one. */
  private shellWaiting(): boolean {
    return isReadingStdin(this.nested.at(-1)?.pid ?? this.namespace.shellPid, this.namespace.stdin);
  }

  private readMountinfo(): string {
    const text = this.namespace.mountinfo();
    if (text !== null) this.lastMountinfo = text;
    return this.lastMountinfo;
  }

  private deadResult(command: string): CommandResult {
    return { command, status: null, stdout: '', stderr: '', kernel: [], stuck: true, mountinfo: this.lastMountinfo };
  }
}
