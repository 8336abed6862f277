// The one registry of the dialect's programs: what is on the model's PATH
// (/bin), what the dialect check accepts (each entry's parse), what the
// live backend copies into its throwaway root (each entry's `live`), and
// the README's list. Adding a program: write its file (a ProgramSpec, see
// program.ts) and add it here.

import type { ProgramSpec } from './program';
import { cat, ls, mkdir, touch } from './programs/coreutils';
import { moveMount, openTree, openTreeClone, umount2 } from './programs/mount-helpers';
import { mountSetattr, openTreeAttr } from './programs/mount-attr';
import { bash, sh } from './programs/shells';
import { fsconfig } from './programs/fsconfig';
import { fsmount } from './programs/fsmount';
import { fsopen } from './programs/fsopen';
import { fspick } from './programs/fspick';
import { fsread } from './programs/fsread';
import { listmount } from './programs/listmount';
import { statmount } from './programs/statmount';
import { unshare } from './programs/unshare';
import { mount, umount } from './programs/util-linux';

const ENTRIES: readonly ProgramSpec[] = [
  bash,
  sh,
  mount,
  umount,
  mkdir,
  touch,
  ls,
  cat,
  unshare,
  openTreeClone,
  openTree,
  moveMount,
  umount2,
  mountSetattr,
  openTreeAttr,
  fsopen,
  fsconfig,
  fsread,
  fsmount,
  fspick,
  statmount,
  listmount,
];

export const PROGRAMS: ReadonlyMap<string, ProgramSpec> = new Map(ENTRIES.map((spec) => [spec.name, spec]));

/** The shells: programs that go on reading the transcript. */
export const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash']);

export { programName } from './program';
