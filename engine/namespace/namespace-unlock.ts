import { traced } from '../kernel/kernel';
import type { Kernel } from '../kernel/types';
import { freeMntNs } from './alloc';
import { groupPinKill } from './fs-pin';
import { mntputNoExpire } from './refs';

/**
 * Drop namespace_sem, then release what umount_tree() unmounted: kill the
 * pins on `unmounted` (≤5.2), or put each mount on it (5.3+). 6.17+ also
 * frees an anonymous namespace that a dissolve or a move emptied.
 * Analogous to fs/namespace.c:namespace_unlock() (v4.19; 6.18).
 */
export function namespaceUnlock(k: Kernel): void {
  traced(k, 'namespace_unlock', () => {
    if (!k.variant.has('unmounted-list')) {
      // hlist_move_list(&unmounted, &head): the pins now hang off a local head.
      const head = k.unmounted.splice(0);
      for (const p of head) p.s_list = head;
      if (head.length === 0) return;
      // synchronize_rcu(): no RCU walkers in a single-threaded model.
      groupPinKill(k, head);
      return;
    }
    const emptied = k.emptied_ns;
    k.emptied_ns = null;
    if (emptied) freeMntNs(k, emptied);
    const keepsMounts = k.variant.has('mutant-namespace-unlock-keeps-mounts');
    for (const m of k.unmountedMounts.splice(0)) if (!keepsMounts) mntputNoExpire(k, m);
  });
}
