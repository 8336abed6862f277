import { MNT_UMOUNT, UMOUNT_CONNECTED } from '../kernel/constants';
import { traced } from '../kernel/kernel';
import type { Kernel, Mount } from '../kernel/types';
import { anonNsRoot } from './alloc';
import { namespaceUnlock } from './namespace-unlock';
import { mntget } from './refs';
import { umountTree } from './umount-tree';

/**
 * The final close of the file open_tree(OPEN_TREE_CLONE) returned: if its
 * tree is still detached, unmount it.
 *
 * ver #12 tells "still detached" by mnt_ns == NULL, which is also what
 * umount_tree() leaves behind, so it re-unmounts a tree that was moved and
 * then unmounted ("mount-then-close"). Alan Jenkins's fix B adds
 * `!(mnt_flags & MNT_UMOUNT)`. Mainline asks anon_ns_root() instead.
 *
 * Analogous to fs/namespace.c:dissolve_on_fput() (ver #12 as in the thread's
 * diff context; 6.17+ with anon_ns_root() and emptied_ns).
 */
export function dissolveOnFput(k: Kernel, mnt: Mount): void {
  traced(k, 'dissolve_on_fput', () => {
    // namespace_lock(); lock_mount_hash();
    if (!k.variant.has('anon-ns-detached-trees')) {
      const skip = k.variant.has('dissolve-skips-umount') && (mnt.mnt_flags & MNT_UMOUNT) !== 0;
      if (mnt.mnt_ns === null && !skip) {
        if (!k.variant.has('mutant-dissolve-skips-mntget')) mntget(k, mnt); // balances the put in drop_mountpoint(): a ver #12 clone has no "mounted" reference
        umountTree(k, mnt, UMOUNT_CONNECTED);
      }
    } else if (anonNsRoot(mnt)) {
      k.emptied_ns = mnt.mnt_ns;
      umountTree(k, mnt, UMOUNT_CONNECTED);
    }
    namespaceUnlock(k);
  }, { inline: true }); // inlined into __fput on the thread's build: absent from its trace
}
