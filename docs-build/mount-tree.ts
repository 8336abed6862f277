// The mount tree after one command, from the state the run recorded
// (engine/observe/snapshot.ts's StateView): nothing here recomputes kernel
// state. The drawing itself is assets/mount-tree.js, which the pages run in
// the browser from compact tree data (tree-data.ts); this is the same code
// run in node, for tests and for anything that needs the SVG as text.

import type { StateView } from './session';
import { TreeTable } from './tree-data';

interface Drawer {
  drawMountTree(data: unknown, index: number, before: number, caption: string, full: boolean): { svg: string; collapsed: number };
  MOUNT_TREE_LARGE: number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const drawer = require('./assets/mount-tree.js') as Drawer;

/** Above this many mounts, a tree drawn after a change shows what changed first. */
export const LARGE = drawer.MOUNT_TREE_LARGE;

/** Draws `state`; `before` (the previous command's state) marks what changed; `full` draws a large tree whole. */
export function mountTreeSvg(state: StateView, before: StateView | null, caption: string, full = false): { svg: string; collapsed: number } {
  const table = new TreeTable();
  const at = table.add(state);
  const prior = before ? table.add(before) : -1;
  return drawer.drawMountTree(JSON.parse(table.json()), at, prior, caption, full);
}
