// Compiles bench/kernel/mountbench.c into build/bench/ at run time (cc -O2),
// only when the source is newer than the binary. A missing compiler is a
// reason to skip the kernel rows, not an error.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR } from '../paths';

const SOURCE = join(__dirname, 'mountbench.c');
export const BINARY = join(BUILD_DIR, 'mountbench');

/** The binary's path, or a one-line reason it could not be built. */
export function buildMountbench(): { ok: true; path: string } | { ok: false; reason: string } {
  mkdirSync(BUILD_DIR, { recursive: true });
  if (existsSync(BINARY) && statSync(BINARY).mtimeMs >= statSync(SOURCE).mtimeMs) return { ok: true, path: BINARY };
  const partial = `${BINARY}.${process.pid}.tmp`; // never exec a half-written file
  try {
    execFileSync('cc', ['-O2', '-Wall', '-o', partial, SOURCE], { stdio: ['ignore', 'ignore', 'pipe'] });
    renameSync(partial, BINARY);
    return { ok: true, path: BINARY };
  } catch (error) {
    rmSync(partial, { force: true });
    const e = error as { code?: string; stderr?: Buffer };
    const said = e.code === 'ENOENT' ? 'no C compiler ("cc") on PATH' : (e.stderr?.toString().trim().split('\n')[0] ?? String(error));
    return { ok: false, reason: `cannot build ${SOURCE}: ${said}` };
  }
}
