import type { Backend, CommandResult, TranscriptLine } from '../transcript/types';

// Many transcripts on the live kernel, several throwaway namespaces at once,
// each transcript run once. The spec's live column and the differential
// check both read the results from here, so neither runs a transcript again.
// Runs start in the order given; `result()` moves a transcript that someone
// waits for to the front, so the column's scenarios, asked for in its own
// order, rarely wait for runs nobody needs yet.
//
// The kernel log of concurrent runs: /dev/kmsg is one log for the whole
// machine, and its records name no task here (no CONFIG_PRINTK_CALLER; a
// soft lockup is logged from the watchdog's interrupt anyway), so a record
// cannot be traced to the namespace that caused it. Each run keeps reading
// it for each of its lines (driver.ts), so a record goes to the line of
// every run that was running when it was logged: never lost, never pinned
// on one scenario by guess. A scenario that claims a quiet kernel log could
// therefore fail because of a neighbour (as it could, before, because of
// the host): loudly, with the line in the message, never silently. Today no
// live run logs anything, so none does.

/** A transcript's identity: where each line came from and what it says. */
export function transcriptKey(lines: readonly TranscriptLine[]): string {
  return lines.map((l) => `${l.file}:${l.line}:${l.command}`).join('\n');
}

export interface PoolProgress {
  /** Called as each run ends, in the order they end. */
  readonly onDone?: (key: string, results: CommandResult[] | Error, ms: number) => void;
}

export class LivePool {
  private readonly queue: string[] = [];
  private readonly lines = new Map<string, readonly TranscriptLine[]>();
  private readonly runs = new Map<string, Promise<CommandResult[]>>();
  private readonly waiting = new Map<string, { resolve: (r: CommandResult[]) => void; reject: (e: unknown) => void }>();
  private running = 0;
  /** Runs asked for that were not among the transcripts given up front. */
  extraRuns = 0;

  constructor(
    private readonly backend: Backend,
    private readonly concurrency: number,
    private readonly progress: PoolProgress = {},
  ) {}

  /** Queues transcripts (once each) and starts as many as the concurrency allows. */
  add(transcripts: readonly (readonly TranscriptLine[])[]): void {
    for (const lines of transcripts) this.enqueue(lines);
    this.pump();
  }

  /** The results of a transcript, run now if it was not queued, moved to the front if not yet started. */
  result(lines: readonly TranscriptLine[]): Promise<CommandResult[]> {
    const key = transcriptKey(lines);
    if (!this.runs.has(key)) {
      this.extraRuns++;
      this.enqueue(lines);
    }
    const at = this.queue.indexOf(key);
    if (at > 0) this.queue.unshift(...this.queue.splice(at, 1));
    this.pump();
    return this.runs.get(key)!;
  }

  /** Every queued run's results, once all have ended. */
  async all(): Promise<Map<string, CommandResult[] | Error>> {
    const settled = await Promise.all([...this.runs].map(async ([key, run]) => [key, await run.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))] as const));
    return new Map(settled);
  }

  private enqueue(lines: readonly TranscriptLine[]): void {
    const key = transcriptKey(lines);
    if (this.runs.has(key)) return;
    this.lines.set(key, lines);
    const run = new Promise<CommandResult[]>((resolve, reject) => this.waiting.set(key, { resolve, reject }));
    run.catch(() => {}); // reported to whoever awaits it; never an unhandled rejection
    this.runs.set(key, run);
    this.queue.push(key);
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const key = this.queue.shift()!;
      this.running++;
      const started = Date.now();
      const settle = this.waiting.get(key)!;
      this.backend.run(this.lines.get(key)!).then(
        (results) => {
          this.progress.onDone?.(key, results, Date.now() - started);
          settle.resolve(results);
        },
        (error: unknown) => {
          this.progress.onDone?.(key, error instanceof Error ? error : new Error(String(error)), Date.now() - started);
          settle.reject(error);
        },
      ).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }
}

/** A backend whose runs come from the pool: what the spec's live column uses. */
export function pooledBackend(backend: Backend, pool: LivePool): Backend {
  return { id: backend.id, description: backend.description, run: (lines) => pool.result(lines) };
}
