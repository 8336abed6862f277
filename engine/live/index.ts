import { randomBytes } from 'node:crypto';
import { release } from 'node:os';
import { ROOT_DIRECTORIES } from '../kernel/boot';
import { checkDialect } from '../shell/dialect';
import { BackendUnavailable, type Backend, type CommandResult, type TranscriptLine } from '../transcript/types';
import { Driver } from './driver';
import { buildHelpers, HelperBuildError } from './helpers';
import { KmsgReader } from './kmsg';
import { Namespace } from './namespace';
import { unavailableReason, type ProbeOptions } from './probe';
import { rootFiles, RootFilesError, type RootFile } from './root-files';
import { markerFunction } from './shell-line';

// The live backend: runs a transcript for real, on the machine's kernel, in
// a throwaway mount + PID namespace (see namespace.ts), one run per
// namespace. It never falls back to the host's namespace.

export interface LiveBackendOptions {
  /** How long a line may take before it is reported stuck (default 10 s). */
  readonly timeoutMs?: number;
  /** For tests: probe availability as someone else (see probe.ts). */
  readonly probe?: ProbeOptions;
}

// Generous: on a loaded machine, with several namespaces at once, a plain
// `mkdir` has been seen to take over 3 s; a line that really hangs costs this once.
const DEFAULT_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 15_000;

export async function createLiveBackend(options: LiveBackendOptions = {}): Promise<Backend> {
  const reason = unavailableReason(options.probe);
  if (reason !== null) throw new BackendUnavailable('live', reason);
  let files: RootFile[];
  try {
    files = rootFiles(buildHelpers());
  } catch (error) {
    if (error instanceof HelperBuildError || error instanceof RootFilesError) throw new BackendUnavailable('live', error.message);
    throw error;
  }
  const root = { dirs: ROOT_DIRECTORIES, files };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    id: 'live',
    description: `live kernel ${release()}`,
    run: (lines) => runLive(lines, root, timeoutMs),
  };
}

async function runLive(lines: readonly TranscriptLine[], root: { dirs: readonly string[]; files: readonly RootFile[] }, timeoutMs: number): Promise<CommandResult[]> {
  // Every line must be in the dialect before anything is created.
  const parsed = lines.map((line) => ({ command: line.command, list: checkDialect(line), place: line }));
  const token = randomBytes(12).toString('hex');
  const marker = markerFunction(token);
  const kmsg = new KmsgReader();
  try {
    const namespace = await Namespace.launch({
      ...root,
      env: { PATH: '/bin', LC_ALL: 'C', [marker.name]: marker.value },
      readyTimeoutMs: Math.max(READY_TIMEOUT_MS, timeoutMs),
    });
    try {
      return await new Driver(namespace, kmsg, token, timeoutMs).run(parsed);
    } finally {
      await namespace.dispose();
    }
  } finally {
    kmsg.close();
  }
}

export { buildHelpers } from './helpers';
export { unavailableReason, type ProbeOptions } from './probe';
