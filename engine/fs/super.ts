// Superblocks and their dentry trees: just enough of a filesystem for paths
// to resolve. tmpfs is a tree of directories and empty files; procfs is a
// few synthetic nodes (see procfs.ts).

import { MNT_READONLY } from '../kernel/constants';
import type { Dentry, Kernel, ProcNode, SuperBlock, UserNamespace } from '../kernel/types';

/** A new superblock with an empty root directory (sget + fill_super, reduced). */
export function allocSuper(k: Kernel, fstype: SuperBlock['fstype'], source: string, userNs: UserNamespace = k.init_user_ns): SuperBlock {
  const s_id = ++k.ids.sb;
  // Anonymous block devices are "0:N" (get_anon_bdev), allocated in order.
  const s_dev = `0:${++k.ids.dev}`;
  const sb = { s_id, s_dev, fstype, source, s_rdonly: false, s_user_ns: userNs } as { -readonly [K in keyof SuperBlock]: SuperBlock[K] };
  sb.s_root = newDentry(k, null, '/', sb as SuperBlock, 'dir', fstype === 'proc' ? { kind: 'root' } : undefined);
  return sb as SuperBlock;
}

/** d_alloc + d_add: a new child entry in a directory. */
export function newDentry(k: Kernel, parent: Dentry | null, name: string, sb: SuperBlock, kind: Dentry['kind'], proc?: ProcNode): Dentry {
  const dentry: Dentry = { ino: ++k.ids.ino, name, d_parent: parent, d_sb: sb, kind, children: new Map(), ...(proc ? { proc } : {}) };
  if (parent) parent.children.set(name, dentry);
  return dentry;
}

/** The path of a dentry inside its own superblock ("/" for the root). */
export function dentryPath(dentry: Dentry): string {
  const names: string[] = [];
  for (let d: Dentry | null = dentry; d && d.d_parent; d = d.d_parent) names.unshift(d.name);
  return `/${names.join('/')}`;
}

/** is_subdir(): is `dentry` at or below `ancestor` in the same tree? */
export function isSubdir(dentry: Dentry, ancestor: Dentry): boolean {
  for (let d: Dentry | null = dentry; d; d = d.d_parent) if (d === ancestor) return true;
  return false;
}

/** sb_rdonly() || __mnt_is_readonly(): may this path be written? */
export function isReadonly(mnt: { mnt_flags: number; mnt_sb: SuperBlock }): boolean {
  return mnt.mnt_sb.s_rdonly || (mnt.mnt_flags & MNT_READONLY) !== 0;
}
