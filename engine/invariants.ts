// The model's own invariants, checked after every command: a failure here
// is a bug in mountspec (thrown as EngineBug), never a kernel outcome. The
// kernel's invariants, which the buggy variants break on purpose, are
// reported by observe/snapshot.ts:kernelInvariantViolations() instead.

import type { Kernel } from './kernel/types';
import { mntHasParent } from './namespace/alloc';
import { assert } from './result';

export function checkInvariants(k: Kernel): void {
  for (const m of k.mounts) {
    assert(!m.freed, `mount ${m.mnt_id} is freed but still listed`);
    assert(mntHasParent(m) || m.mnt_mountpoint === m.mnt_root, `parentless mount ${m.mnt_id} has a mountpoint`);
    if (m.hashed) {
      assert(mntHasParent(m), `mount ${m.mnt_id} is hashed without a parent`);
      assert(m.mnt_parent.mnt_mounts.includes(m), `hashed mount ${m.mnt_id} is missing from its parent's mnt_mounts`);
      const key = `${m.mnt_parent.mnt_id}/${m.mnt_mountpoint.ino}`;
      assert(k.mount_hashtable.get(key)?.includes(m), `hashed mount ${m.mnt_id} is missing from mount_hashtable`);
    }
    for (const child of m.mnt_mounts) assert(child.mnt_parent === m, `mount ${child.mnt_id} is listed under ${m.mnt_id} but its parent is ${child.mnt_parent.mnt_id}`);
    if (m.mnt_ns) assert(m.mnt_ns.mounts.has(m), `mount ${m.mnt_id} names namespace ${m.mnt_ns.ns_id}, which does not list it`);
  }
  for (const [key, chain] of k.mount_hashtable) for (const m of chain) assert(m.hashed, `mount ${m.mnt_id} is in hash chain ${key} but not marked hashed`);
  for (const ns of k.namespaces) for (const m of ns.mounts) assert(m.mnt_ns === ns, `namespace ${ns.ns_id} lists mount ${m.mnt_id}, which names another`);
  assert(k.frames.length === 0, `the call stack did not unwind: ${k.frames.map((f) => f.name).join(' < ')}`);
  assert(k.unmounted.length === 0 && k.unmountedMounts.length === 0, 'namespace_unlock() left mounts on the unmounted list');
}
