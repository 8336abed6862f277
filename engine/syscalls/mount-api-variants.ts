// Which kernels have the fs-context and statmount calls at all.

import type { Kernel } from '../kernel/types';

/**
 * ver #12 (Oct 2018) proposed fsopen, fsconfig, fsmount and fspick, but not
 * as 5.2 merged them: other syscall numbers, fsmount taking MS_* flags
 * rather than MOUNT_ATTR_*, a different command set. Our helpers are built
 * against 5.2's ABI, so on a ver #12 kernel their calls find no syscall:
 * ENOSYS, which is what we model rather than invent the series' details.
 * statmount and listmount came in 6.8: ENOSYS there too.
 */
export function mountApiMissing(k: Kernel): boolean {
  return k.variant.base === 'v4.19';
}
