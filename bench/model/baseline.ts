// --baseline REF for the model rows: REF's committed tree, extracted under
// build/bench/ (git archive), with this checkout's node_modules linked in,
// so its bench/model/worker.ts can run the same workloads on REF's model.
// Only the source is needed: no clone, no npm ci.

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
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
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  checkouts.set(ref, dir);
  return dir;
}
