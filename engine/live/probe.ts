import { spawnSync } from 'node:child_process';
import { hostCommand, RootFilesError } from './root-files';

// Can the live backend work here? Answers with a one-line reason, or null.
// It only asks for what a run needs first: Linux, root, and a private mount
// namespace from unshare(1). It never mounts anything.

export interface ProbeOptions {
  /** Defaults to our own uid; tests pass another to see the reason. */
  readonly uid?: number;
  /** Runs the unshare check under this command (e.g. `setpriv --reuid=65534 …`) to simulate less privilege. */
  readonly prefix?: readonly string[];
}

export function unavailableReason(options: ProbeOptions = {}): string | null {
  if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
  const uid = options.uid ?? process.getuid?.();
  if (uid !== 0) return `needs root to create mount namespaces (running as uid ${uid})`;
  let unshare: string;
  try {
    unshare = hostCommand('unshare');
  } catch (error) {
    if (error instanceof RootFilesError) return `cannot create a private mount namespace: ${error.message}`;
    throw error;
  }
  const argv = [...(options.prefix ?? []), unshare, '--mount', '--propagation', 'private', 'true'];
  const probe = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
  if (probe.error) return `cannot create a private mount namespace: ${argv[0]}: ${probe.error.message}`;
  if (probe.status === 0) return null;
  const said = probe.stderr.trim().split('\n').pop()?.replace(/^unshare: /, '');
  return `cannot create a private mount namespace (unshare --mount: ${said || `exit status ${probe.status ?? probe.signal}`})`;
}
