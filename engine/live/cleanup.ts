// Last-resort cleanup when our process is interrupted mid-run: a signal's
// default action would kill us and leave the namespace's processes (and so
// its mounts) alive. While any run is active we catch SIGINT/SIGTERM/SIGHUP,
// kill every active namespace synchronously, then re-raise the signal so the
// process still dies the way the user asked.

type Cleanup = () => void;

const active = new Set<Cleanup>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function runAll(): void {
  for (const cleanup of [...active]) {
    try {
      cleanup();
    } catch {
      // best effort: one failure must not keep the others from running
    }
  }
  active.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  uninstall();
  process.kill(process.pid, signal);
}

function onExit(): void {
  runAll();
}

function install(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', onExit);
}

function uninstall(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', onExit);
}

/** Registers a synchronous cleanup until the returned function is called. */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (active.size === 0) install();
  active.add(cleanup);
  return () => {
    if (!active.delete(cleanup)) return;
    if (active.size === 0) uninstall();
  };
}
