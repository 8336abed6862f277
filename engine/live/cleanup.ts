// Last-resort cleanup when our process is interrupted mid-run: a signal's
// default action would kill us and leave the namespace's processes (and so
// its mounts) alive. While any run is active we catch SIGINT/SIGTERM/SIGHUP,
// kill every active namespace, give the children a moment to be reaped (so
// nothing is left even as a zombie), then re-raise the signal so the process
// still dies the way the user asked.

export interface Cleanup {
  /** Synchronous: also run from the 'exit' event, where nothing async can happen. */
  readonly kill: () => void;
  /** Resolves once what `kill` killed is gone. */
  readonly gone: () => Promise<void>;
}

const active = new Set<Cleanup>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const REAP_WAIT_MS = 2000;

function killAll(): void {
  for (const cleanup of active) {
    try {
      cleanup.kill();
    } catch {
      // best effort: one failure must not keep the others from running
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  const dying = [...active];
  killAll();
  uninstall();
  // Keep catching repeats of the signal while we wait, so a second ^C does not cut the wait short.
  const ignore = (): void => {};
  for (const s of SIGNALS) process.on(s, ignore);
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, REAP_WAIT_MS));
  void Promise.race([Promise.all(dying.map((c) => c.gone().catch(() => {}))), timeout]).then(() => {
    for (const s of SIGNALS) process.off(s, ignore);
    process.kill(process.pid, signal);
  });
}

function install(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', killAll);
}

function uninstall(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', killAll);
}

/** Registers a cleanup until the returned function is called. */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (active.size === 0) install();
  active.add(cleanup);
  return () => {
    if (!active.delete(cleanup)) return;
    if (active.size === 0) uninstall();
  };
}
