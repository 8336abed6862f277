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
// The ones that exec another program take the table itself.
table.set('open_tree_clone', openTree('open_tree_clone', table));
table.set('open_tree', openTree('open_tree', table));
table.set('unshare', unshare(table));

export const PROGRAMS: ReadonlyMap<string, Program> = table;

export { programName, SHELLS } from '../program';
