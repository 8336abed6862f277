// procfs, as far as the transcripts reach into it: /proc/self/fd/N (magic
// links to an open file's path, resolved by the path walk) and
// /proc/self/mountinfo (rendered by observe/mountinfo.ts), and the id-map
// files unshare -r writes, and /proc/self/ns/user (an fd on it names a user
// namespace, as mount_setattr's MOUNT_ATTR_IDMAP asks).

import type { Kernel, SuperBlock } from '../kernel/types';
import { newDentry } from './super';

/** The fixed nodes of a new proc instance. */
export function populateProc(k: Kernel, sb: SuperBlock): void {
  const self = newDentry(k, sb.s_root, 'self', sb, 'dir', { kind: 'self' });
  newDentry(k, self, 'fd', sb, 'dir', { kind: 'fd-dir' });
  newDentry(k, self, 'mountinfo', sb, 'file', { kind: 'mountinfo' });
  for (const name of ['uid_map', 'gid_map', 'setgroups']) newDentry(k, self, name, sb, 'file', { kind: 'id-map' });
  const ns = newDentry(k, self, 'ns', sb, 'dir', { kind: 'ns-dir' });
  newDentry(k, ns, 'user', sb, 'file', { kind: 'ns-user' });
}
