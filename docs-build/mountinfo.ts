// /proc/self/mountinfo rows (proc(5)), for the live kernel, whose state the
// run cannot look into: the site shows the table the kernel printed, read
// by the engine's one mountinfo reader (escapes decoded).

import { parseMountinfo as readMountinfo } from '../engine/userspace/mountinfo';

export interface MountinfoRow {
  readonly id: string;
  readonly parent: string;
  readonly root: string;
  readonly mountpoint: string;
  readonly options: string;
  /** Optional fields: `shared:N`, `master:N`, … */
  readonly optional: string;
  readonly fstype: string;
  readonly source: string;
}

export function parseMountinfo(text: string): MountinfoRow[] {
  return readMountinfo(text).map((e) => ({
    id: e.id,
    parent: e.parent,
    root: e.root,
    mountpoint: e.mountPoint,
    options: e.mountOptions,
    optional: e.optionalFields.join(' '),
    fstype: e.fsType,
    source: e.source,
  }));
}
