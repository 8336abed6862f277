// Areas: the folder directly under features/ that holds a feature
// (features/thread/x.feature → `thread`). The site groups features by area:
// the known areas first, in the order below, then any other folder by name;
// a feature right in features/ (or outside it) comes last, under "Other
// features". Within an area, features keep the order they are given.

import { slug } from './slug';

/** The known areas, in the order the site shows them, with their titles. */
export const KNOWN_AREAS: readonly { readonly folder: string; readonly title: string }[] = [
  { folder: 'thread', title: 'The LKML thread' },
  { folder: 'umount', title: 'umount2 and lazy unmount' },
  { folder: 'bind-move', title: 'Bind and move' },
  { folder: 'new-mount-api', title: 'The new mount API (open_tree, move_mount)' },
  { folder: 'fs-context', title: 'Filesystem contexts (fsopen, fsconfig, fsmount, fspick)' },
  { folder: 'propagation', title: 'Shared subtrees (propagation)' },
  { folder: 'namespaces', title: 'Mount and user namespaces (unshare)' },
  { folder: 'mount-setattr', title: 'mount_setattr and open_tree_attr' },
  { folder: 'move-mount-flags', title: "move_mount's flags (beneath, set-group, symlinks, fds)" },
  { folder: 'detached-trees', title: 'Detached trees (6.15)' },
  { folder: 'statmount', title: 'statmount and listmount' },
  { folder: 'explorer', title: 'The explorer: bugs found by search' },
  { folder: 'shell', title: 'The transcript shell' },
];

/** The area of a feature not in any folder under features/. */
export const NO_AREA = '';

/** `features/thread/x.feature` → `thread`; `features/x.feature` → `''` (NO_AREA). */
export function areaOf(uri: string): string {
  const parts = uri.replace(/\\/g, '/').replace(/^(\.\/)+/, '').split('/');
  return parts[0] === 'features' && parts.length > 2 ? (parts[1] ?? NO_AREA) : NO_AREA;
}

/** The known title, else the folder's own name. */
export function areaTitle(folder: string): string {
  if (folder === NO_AREA) return 'Other features';
  return KNOWN_AREAS.find((a) => a.folder === folder)?.title ?? folder;
}

function rank(folder: string): number {
  const known = KNOWN_AREAS.findIndex((a) => a.folder === folder);
  return known !== -1 ? known : folder === NO_AREA ? KNOWN_AREAS.length + 1 : KNOWN_AREAS.length;
}

/** Known areas in their order, then the others by name (code-unit order, so any locale sorts alike), then NO_AREA. */
export function compareAreas(a: string, b: string): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export interface Area<F> {
  /** The folder under features/ (NO_AREA for none). */
  readonly folder: string;
  readonly title: string;
  /** `area-thread`: unique among the areas returned together. */
  readonly anchor: string;
  /** In the order they were given. */
  readonly features: readonly F[];
}

/** The features grouped by area, areas in compareAreas order. */
export function byArea<F extends { readonly uri: string }>(features: readonly F[]): Area<F>[] {
  const groups = new Map<string, F[]>();
  for (const f of features) {
    const folder = areaOf(f.uri);
    const group = groups.get(folder);
    if (group) group.push(f);
    else groups.set(folder, [f]);
  }
  const taken = new Set<string>();
  return [...groups.keys()].sort(compareAreas).map((folder) => {
    const base = `area-${folder === NO_AREA ? 'other' : slug(folder, 20)}`;
    let anchor = base;
    for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
    taken.add(anchor);
    return { folder, title: areaTitle(folder), anchor, features: groups.get(folder) ?? [] };
  });
}
