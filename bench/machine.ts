// The machine line printed above the table: figures mean little without it,
// nor without the load (other work on a 2-core machine moves every row).

import { cpus, loadavg, release, type } from 'node:os';

export function machine(): string {
  const cores = cpus();
  const model = cores[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  return `${type()} ${release()}, ${cores.length} × ${model}, node ${process.version}; load average ${load} at the end`;
}
