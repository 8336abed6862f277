// --baseline REF for the model rows: REF's committed tree, extracted under
// build/bench/ (git archive), with this checkout's node_modules linked in
// and this checkout's bench/ in place of REF's: REF's model, measured the
// same way as this one (the same workloads, warm-up, GC and clocks), so
// "before" and "after" differ only in the model. REF's model must offer the
// engine calls bench/model/ makes (createKernel, syscalls).
// Only the source is needed: no clone, no npm ci.

import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { BUILD_DIR, REPO_ROOT } from '../paths';

const checkouts = new Map<string, string>();

/** The directory holding REF's tree (made once per run). */
export function baselineCheckout(ref: string): string {
  const known = checkouts.get(ref);
  if (known) return known;
  const dir = join(BUILD_DIR, 'model-baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const commit = execFileSync('git', ['-C', REPO_ROOT, 'rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
  const tar = execFileSync('git', ['-C', REPO_ROOT, 'archive', commit], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  rmSync(join(dir, 'bench'), { recursive: true, force: true });
  cpSync(join(REPO_ROOT, 'bench'), join(dir, 'bench'), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  checkouts.set(ref, dir);
  return dir;
}
