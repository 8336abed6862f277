import { UMOUNT_SYNC } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Kernel, MntNamespace } from '../kernel/types';
import { freeMntNs } from './alloc';
import { namespaceUnlock } from './namespace-unlock';
import { umountTree } from './umount-tree';

/**
 * A task lets go of its mount namespace (exit, or unshare(CLONE_NEWNS)).
 * The last one tears the namespace down: its whole tree is unmounted at
 * once, without propagation, so copies it propagated into other namespaces
 * stay where they are. Lazily: a mount something still holds (an open file
 * in another namespace, say) lives on, unmounted. v4.19 does it through
 * drop_collected_mounts() with UMOUNT_SYNC; 6.18 with `how` 0 and the
 * namespace freed by namespace_unlock() (emptied_ns).
 * Analogous to fs/namespace.c:put_mnt_ns() (v4.19; 6.18).
 */
export function putMntNs(k: Kernel, ns: MntNamespace): void {
  if (ns.anon) return; // tasks never live in an anonymous namespace
  if (--ns.count > 0) return;
  traced(k, 'put_mnt_ns', () => {
    if (!k.variant.has('emptied-ns')) {
      traced(k, 'drop_collected_mounts', () => {
        umountTree(k, ns.root, UMOUNT_SYNC);
        namespaceUnlock(k);
      });
      freeMntNs(k, ns);
      return;
    }
    k.emptied_ns = ns;
    umountTree(k, ns.root, 0);
    namespaceUnlock(k);
  });
}
