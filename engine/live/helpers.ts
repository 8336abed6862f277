import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Builds our C helpers (the thread's open_tree_clone and move_mount, and
// open_tree and umount2) into build/live-helpers/. Idempotent: a helper is
// rebuilt only when its source is newer than the binary, so tests and
// `npm ci` can both call it.

/** Each helper and its source: open_tree and open_tree_clone are one program under two names. */
const HELPER_SOURCES = {
  open_tree_clone: 'open_tree.c',
  open_tree: 'open_tree.c',
  move_mount: 'move_mount.c',
  umount2: 'umount2.c',
  mount_setattr: 'mount_setattr.c',
  open_tree_attr: 'open_tree_attr.c',
  // fs contexts and statmount (they share mount_api.h)
  fsopen: 'fsopen.c',
  fsconfig: 'fsconfig.c',
  fsmount: 'fsmount.c',
  fspick: 'fspick.c',
  fsread: 'fsread.c',
  statmount: 'statmount.c',
  listmount: 'listmount.c',
} as const;
export type HelperName = keyof typeof HELPER_SOURCES;
export const HELPER_NAMES = Object.keys(HELPER_SOURCES) as readonly HelperName[];

const REPO_ROOT = resolve(__dirname, '..', '..');
export const HELPER_SOURCE_DIR = join(__dirname, 'helpers');
export const HELPER_BUILD_DIR = join(REPO_ROOT, 'build', 'live-helpers');

/** A helper could not be compiled; `message` is one line, fit for a reason. */
export class HelperBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelperBuildError';
  }
}

/** Compiles whatever is stale and returns the absolute path of each helper binary. */
export function buildHelpers(buildDir: string = HELPER_BUILD_DIR): Record<HelperName, string> {
  mkdirSync(buildDir, { recursive: true });
  const paths = {} as Record<HelperName, string>;
  for (const name of HELPER_NAMES) {
    const source = join(HELPER_SOURCE_DIR, HELPER_SOURCES[name]);
    const binary = join(buildDir, name);
    if (isStale(source, binary)) compile(source, binary);
    paths[name] = binary;
  }
  return paths;
}

/** Headers the helpers share (mount_attr.h, mount_api.h): a change to one rebuilds them all. */
const SHARED_HEADERS = ['mount_attr.h', 'mount_api.h'];

function isStale(source: string, binary: string): boolean {
  if (!existsSync(binary)) return true;
  const built = statSync(binary).mtimeMs;
  return [source, ...SHARED_HEADERS.map((h) => join(HELPER_SOURCE_DIR, h))].some((file) => statSync(file).mtimeMs > built);
}

function compile(source: string, binary: string): void {
  // Compile to a private name and rename: parallel test processes may build
  // at the same time, and none of them must ever exec a half-written file.
  const partial = `${binary}.${process.pid}.tmp`;
  try {
    execFileSync('cc', ['-O2', '-Wall', '-o', partial, source], { stdio: ['ignore', 'ignore', 'pipe'] });
    renameSync(partial, binary);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new HelperBuildError(`cannot build ${source}: ${firstLine(compilerMessage(error))}`);
  }
}

function compilerMessage(error: unknown): string {
  const e = error as { code?: string; stderr?: Buffer; message?: string };
  if (e.code === 'ENOENT') return 'no C compiler ("cc") on PATH';
  const stderr = e.stderr?.toString().trim();
  return stderr ? stderr : (e.message ?? String(error));
}

function firstLine(text: string): string {
  // The first diagnostic line names file:line and the error: enough for one line.
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.find((l) => /error/i.test(l)) ?? lines[0] ?? 'unknown error';
}
