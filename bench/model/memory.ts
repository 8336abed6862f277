// Row 3: what one mount costs the model in memory. Measured as the growth of
// the JS heap across `n` mounts after a forced GC, with the mountpoint
// directories created beforehand, so only the mounts (struct mount, its
// superblock and root dentry, the hash and namespace entries) are counted.

import type { Sample } from '../samples';
import { baseUp, makeDirs, mountAll } from './workloads';

function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('memory: run node with --expose-gc');
  // Twice: the first pass can leave finalisation work for the second.
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export function bytesPerMount(n: number): Sample[] {
  const { k, task } = baseUp();
  makeDirs(k, task, n);
  const before = settledHeap();
  mountAll(k, task, n);
  const after = settledHeap();
  // Keep the kernel reachable until after the second measurement.
  if (k.mounts.size < n) throw new Error('memory: mounts went missing');
  return [{ metric: 'bytes-per-mount', size: n, value: (after - before) / n }];
}
