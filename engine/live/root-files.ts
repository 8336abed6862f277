import { execFileSync } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { PROGRAMS } from '../shell/registry';

// What the throwaway root holds: the commands the dialect needs in /bin and
// the shared libraries they load, at the very paths `ldd` names (so the
// loader finds them with no ld.so.cache). Its top-level directories are the
// model's (ROOT_DIRECTORIES in engine/kernel/boot.ts), so both start alike.

/** `bin/<name>` in the new root ← this host command, for every program of the registry that is one (`sh` is bash: bash in posix mode). */
const COMMANDS: readonly (readonly [string, string])[] = [...PROGRAMS.values()].flatMap((p) => ('host' in p.live ? [[p.name, p.live.host] as const] : []));

/** The registry's programs that are our C helpers: the names the helper build must provide. */
export const HELPER_PROGRAMS: readonly string[] = [...PROGRAMS.values()].flatMap((p) => ('helper' in p.live ? [p.live.helper] : []));

const SEARCH_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** A file to copy: absolute host path → path relative to the new root. */
export interface RootFile {
  readonly source: string;
  readonly target: string;
}

/** The root could not be assembled from this host; the message is one line. */
export class RootFilesError extends Error {}

/** Absolute path of a host command, searched in the usual system directories. */
export function hostCommand(name: string): string {
  for (const dir of SEARCH_PATH) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here, try the next directory
    }
  }
  throw new RootFilesError(`"${name}" not found in ${SEARCH_PATH.join(':')}`);
}

/** Every file of the root: commands, our helpers, and their libraries. */
export function rootFiles(helpers: Readonly<Record<string, string>>): RootFile[] {
  const binaries: RootFile[] = [
    ...COMMANDS.map(([name, command]) => ({ source: realpathSync(hostCommand(command)), target: `bin/${name}` })),
    ...HELPER_PROGRAMS.map((name) => {
      const path = helpers[name];
      if (path === undefined) throw new RootFilesError(`no built helper for the registry's program "${name}"`);
      return { source: path, target: `bin/${name}` };
    }),
  ];
  const libraries = new Map<string, RootFile>();
  for (const found of librariesOf([...new Set(binaries.map((b) => b.source))])) {
    for (const library of found) libraries.set(library.target, library);
  }
  return [...binaries, ...libraries.values()];
}

/**
 * The libraries of each binary, from one `ldd` for them all: an `ldd` is a
 * script that starts several processes, and one per binary (22) took 0.8 s
 * of every live backend's start under load. If that one fails, one `ldd`
 * per binary names the binary at fault.
 */
function librariesOf(binaries: readonly string[]): RootFile[][] {
  let output: string;
  try {
    output = execFileSync(hostCommand('ldd'), [...binaries], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return binaries.map(sharedLibraries);
  }
  const sections = lddSections(output, binaries);
  return binaries.map((binary, i) => parseLdd(sections[i]!, binary));
}

/** `ldd A B` prints "A:" then A's libraries, then "B:" ...: each binary's part, in order (one binary: no header). */
export function lddSections(output: string, binaries: readonly string[]): string[] {
  if (binaries.length === 1) return [output];
  const lines = output.split('\n');
  const starts = binaries.map((binary) => lines.indexOf(`${binary}:`));
  if (starts.some((at, i) => at < 0 || (i > 0 && at <= starts[i - 1]!))) throw new RootFilesError(`ldd ${binaries.join(' ')}: output not in the expected parts`);
  return starts.map((at, i) => lines.slice(at + 1, starts[i + 1] ?? lines.length).join('\n'));
}

/** The libraries `ldd` says a binary loads (the loader included), as root files. */
export function sharedLibraries(binary: string): RootFile[] {
  let output: string;
  try {
    output = execFileSync(hostCommand('ldd'), [binary], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new RootFilesError(`ldd ${binary} failed${stderr ? `: ${stderr.split('\n')[0]}` : ''}`);
  }
  return parseLdd(output, binary);
}

/** Parses `ldd` output; the vDSO has no file and is skipped. */
export function parseLdd(output: string, binary: string): RootFile[] {
  const files: RootFile[] = [];
  for (const line of output.split('\n')) {
    if (/=>\s*not found/.test(line)) throw new RootFilesError(`ldd ${binary}: ${line.trim()}`);
    const match = /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line);
    if (!match) continue;
    const path = match[1]!;
    const top = path.split('/')[1];
    if (top !== 'lib' && top !== 'lib64') {
      throw new RootFilesError(`${binary} loads ${path}, outside /lib and /lib64 (the live root holds libraries only there)`);
    }
    files.push({ source: path, target: path.slice(1) });
  }
  return files;
}
