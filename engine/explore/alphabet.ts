// The explorer's alphabet: the transcript commands it tries after every
// state, over a small world of paths and fds. The default is every command
// of the thread's three sessions; options add the rest of the mount API.

import { ROOT_DIRECTORIES } from '../kernel/boot';
import { checkDialect } from '../shell/dialect';

export const EXTRAS = ['bind', 'rbind', 'tmpfs', 'open_tree', 'unshare'] as const;
export type Extra = (typeof EXTRAS)[number];

export interface AlphabetOptions {
  /** Mount points: each must exist in the initial state (a directory of the root). */
  readonly paths: readonly string[];
  /** File descriptors for the clones and the second open file (3 and up). */
  readonly fds: readonly number[];
  readonly extras: readonly Extra[];
}

// /srv, not /lib: on the live kernel a mount over /lib (or /lib64, /bin) hides the
// programs' own libraries and every later command fails with 127.
export const DEFAULT_ALPHABET: AlphabetOptions = { paths: ['/mnt', '/srv'], fds: [3, 4], extras: [] };

/** The commands that make the world before the search: a mkdir for each path the initial root lacks. */
export function worldSetup(o: AlphabetOptions): string[] {
  return o.paths.filter((p) => !(ROOT_DIRECTORIES as readonly string[]).includes(p.slice(1))).map((p) => `mkdir ${p}`);
}

/** The thread's commands, generalised over the world's paths and fds. */
export function buildAlphabet(o: AlphabetOptions): string[] {
  const [source] = o.paths;
  if (!source) throw new Error('the alphabet needs at least one path');
  const words: string[] = [];
  for (const n of o.fds) words.push(`open_tree_clone ${n}<${source} ${n} sh`);
  words.push('exit', 'cd /');
  for (const n of o.fds) words.push(`cd /proc/self/fd/${n}`);
  for (const n of o.fds) words.push(`exec ${n}<&-`);
  // A second open file on the clone: the thread's `exec 4</proc/self/fd/3`.
  for (const a of o.fds) for (const b of o.fds) if (a < b) words.push(`exec ${b}</proc/self/fd/${a}`);
  for (const p of o.paths) words.push(`mount --move . ${p}`);
  for (const n of o.fds) for (const p of o.paths) words.push(`move_mount ${n} ${p}`);
  for (const p of o.paths) words.push(`umount ${p}`, `umount -l ${p}`);
  for (const extra of o.extras) words.push(...extraWords(extra, o));
  for (const [i, w] of words.entries()) {
    // fork.ts relies on this: a nested shell is always started by a whole line.
    if (/&&|\|\|/.test(w)) throw new Error(`alphabet word "${w}": no && or || (a nested shell must be started by a whole line)`);
    checkDialect({ command: w, file: '<alphabet>', line: i + 1 });
  }
  return [...new Set(words)];
}

function extraWords(extra: Extra, o: AlphabetOptions): string[] {
  const pairs = o.paths.flatMap((a) => o.paths.filter((b) => b !== a).map((b) => [a, b] as const));
  switch (extra) {
    case 'bind':
      return pairs.map(([a, b]) => `mount --bind ${a} ${b}`);
    case 'rbind':
      return pairs.map(([a, b]) => `mount --rbind ${a} ${b}`);
    case 'tmpfs':
      return o.paths.map((p) => `mount -t tmpfs none ${p}`);
    case 'open_tree':
      return o.fds.map((n) => `open_tree ${n}<${o.paths[0]} ${n} sh`);
    case 'unshare':
      return ['unshare -m'];
  }
}

/** `exit` only in a nested shell: the top shell's exit would end the session, as closing the terminal would. */
export function applicable(word: string, shellDepth: number): boolean {
  return word !== 'exit' || shellDepth > 1;
}
