// Where the bench reads and writes: everything it makes goes under build/bench/.

import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..');
export const BUILD_DIR = join(REPO_ROOT, 'build', 'bench');
