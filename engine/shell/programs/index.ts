// The programs on the model's PATH (/bin), the same set the live backend
// copies into its throwaway root.

import type { Program } from '../program';
import { cat, ls, mkdir, touch } from './coreutils';
import { moveMount, openTree, umount2 } from './mount-helpers';
import { unshare } from './unshare';
import { mount, umount } from './util-linux';

const table = new Map<string, Program>([
  ['mount', mount],
  ['umount', umount],
  ['mkdir', mkdir],
  ['touch', touch],
  ['ls', ls],
  ['cat', cat],
  ['move_mount', moveMount],
  ['umount2', umount2],
]);
/** Shells a program can exec, or the shell can start: they read the next transcript lines. */
export const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash']);

// The ones that exec another program take the table itself.
table.set('open_tree_clone', openTree('open_tree_clone', table));
table.set('open_tree', openTree('open_tree', table));
table.set('unshare', unshare(table, SHELLS));

export const PROGRAMS: ReadonlyMap<string, Program> = table;

/** Resolve a command word as bash does with PATH=/bin: a bare name, or /bin/NAME. */
export function programName(word: string): string {
  return word.startsWith('/bin/') ? word.slice('/bin/'.length) : word;
}
