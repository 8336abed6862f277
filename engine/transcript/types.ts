// The shared vocabulary of every backend: a transcript goes in, one
// CommandResult per command line comes out. The model variants and the live
// kernel both speak it, so the spec, the CLI and the differential check never
// care which one ran.

/** One `# ` line of a transcript, with where it came from (for error messages). */
export interface TranscriptLine {
  /** The command as typed, without the `# ` prompt. */
  readonly command: string;
  /** File the line came from (a feature file, a transcript file, `<stdin>`). */
  readonly file: string;
  /** 1-based line number in that file. */
  readonly line: number;
}

/** What one command line did, as a terminal and `dmesg` would show it. */
export interface CommandResult {
  readonly command: string;
  /**
   * Exit status of the line, as `$?` would show it afterwards.
   * `null` when the line never returned: the shell is stuck (`stuck: true`),
   * or the line started a nested shell that is now reading the lines that
   * follow (`stuck: false`; its status appears on the matching `exit`).
   */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Kernel log lines this command caused, without the `[ time]` prefix. */
  readonly kernel: readonly string[];
  /** The shell never came back from this line (or an earlier one). */
  readonly stuck: boolean;
  /** `/proc/self/mountinfo` of the transcript's top shell after the line ran. */
  readonly mountinfo: string;
  /**
   * The model's view of the mount machinery after the line ran (mounts with
   * mnt_count and flags, fds, cwds), for pictures and for internal-state steps.
   * Absent on the live kernel, which cannot be looked into.
   */
  readonly state?: unknown;
}

/** A way to run transcripts: a model variant or the live kernel. */
export interface Backend {
  /** `v12`, `v12-move-fix`, `v12-both-fixes`, `mainline` or `live`. */
  readonly id: string;
  /** One line for humans: what this backend is (for live: `uname -r`). */
  readonly description: string;
  /** Runs the lines in a fresh initial state; never throws for a stuck command. */
  run(lines: readonly TranscriptLine[]): Promise<CommandResult[]>;
  /**
   * The same, handing each result to `each` as it comes and keeping none,
   * without `state` (the CLI's way: memory does not grow with the
   * transcript). Optional: without it, callers use run().
   */
  stream?(lines: readonly TranscriptLine[], each: (result: CommandResult) => void): Promise<void>;
}

/**
 * A transcript line outside the dialect (not a shell's error: ours). Carries
 * the place so the message names file and line.
 */
export class DialectError extends Error {
  constructor(
    readonly place: { readonly file: string; readonly line: number },
    readonly reason: string,
  ) {
    super(`${place.file}:${place.line}: ${reason}`);
    this.name = 'DialectError';
  }
}

/** The backend cannot run here at all (e.g. no privilege for a mount namespace). */
export class BackendUnavailable extends Error {
  constructor(readonly backend: string, readonly reason: string) {
    super(`${backend} backend unavailable: ${reason}`);
    this.name = 'BackendUnavailable';
  }
}
