// Rows 1 and 2: the same operation sequences on the mainline model and on
// the real kernel, the umount -l linearity check (1k, 10k, 100k mounts), and
// propagation to 1,000 peers (timed on the model only once it propagates).
// The kernel cannot hold 100,000 mounts in one namespace (fs.mount-max is
// 100,000 and counts the mounts a new namespace inherits), so its largest
// tree is capped and the ratio for that row is taken per mount.

import type { KernelBench } from '../kernel/run';
import { count, duration, perOp, ratio } from '../format';
import { runModel } from '../model/run';
import type { Options } from '../options';
import { progress } from '../progress';
import { medianOf } from '../samples';
import type { Row } from '../table';

const TREE_SIZES = [1_000, 10_000, 100_000] as const;
const OPENCLOSE = 100_000;
const CLONEMOVE = 1_000;
const PEERS = 1_000;

type Kernel = KernelBench | { skipped: string };

/** A kernel median over `size` operations, or the reason there is none. */
type Measured = { ns: number; size: number } | { skipped: string };

function kernelTree(kernel: Kernel, size: number, runs: number): { mount: Measured; umount: Measured } {
  if ('skipped' in kernel) return { mount: kernel, umount: kernel };
  const n = Math.min(size, kernel.maxMounts);
  const samples = kernel.run('mounts', n, runs);
  return { mount: { ns: medianOf(samples, 'mount'), size: n }, umount: { ns: medianOf(samples, 'umount-l'), size: n } };
}

function kernelLoop(kernel: Kernel, workload: 'openclose' | 'clonemove', size: number, runs: number): Measured {
  return 'skipped' in kernel ? kernel : { ns: medianOf(kernel.run(workload, size, runs), workload), size };
}

function cell(m: Measured, show: (ns: number, size: number) => string): string {
  return 'skipped' in m ? `skipped: ${m.skipped}` : show(m.ns, m.size);
}

/** model / kernel per operation (the sizes differ only for the capped tree). */
function perOpRatio(modelNs: number, modelSize: number, k: Measured): string {
  return 'skipped' in k ? '—' : ratio(modelNs / modelSize, k.ns / k.size);
}

function growth(now: number, before: number, beforeSize: number): string {
  return ` (×${(now / before).toFixed(1)} vs ${count(beforeSize)})`;
}

function treeRows(options: Options, kernel: Kernel): Row[] {
  const runsFor = (size: number) => (size >= 100_000 ? options.slowRuns : options.runs);
  const model = new Map<number, { mount: number; umount: number }>();
  const real = new Map<number, { mount: Measured; umount: Measured }>();
  for (const size of TREE_SIZES) {
    progress(`model: ${count(size)} mounts, then umount -l`);
    const samples = runModel('mounts', size, runsFor(size));
    model.set(size, { mount: medianOf(samples, 'mount'), umount: medianOf(samples, 'umount-l') });
    progress(`kernel: ${count(size)} mounts, then umount -l`);
    real.set(size, kernelTree(kernel, size, runsFor(size)));
  }
  const m10 = model.get(10_000)!.mount;
  const k10 = real.get(10_000)!.mount;
  const rows: Row[] = [
    { group: '1', what: `${count(10_000)} tmpfs mounts under one directory`, model: perOp(m10, 10_000), reference: cell(k10, (ns, n) => `kernel ${perOp(ns, n)}`), ratio: perOpRatio(m10, 10_000, k10) },
  ];
  let before: { size: number; model: number; kernel: Measured } | null = null;
  for (const size of TREE_SIZES) {
    const m = model.get(size)!.umount;
    const k = real.get(size)!.umount;
    const was = before;
    const kernelCell = (ns: number, n: number) => {
      const capped = n !== size ? ` at ${count(n)} (capped: fs.mount-max)` : '';
      if (!was || 'skipped' in was.kernel) return `kernel ${duration(ns)}${capped}`;
      const linear = n / was.kernel.size;
      return `kernel ${duration(ns)}${capped} (×${(ns / was.kernel.ns).toFixed(1)} vs ${count(was.kernel.size)}; linear ×${linear.toFixed(linear % 1 ? 1 : 0)})`;
    };
    rows.push({
      group: '1',
      what: `umount -l of that tree, ${count(size)} mounts${was ? ' (growth; linear ×10)' : ''}`,
      model: `${duration(m)}${was ? growth(m, was.model, was.size) : ''}`,
      reference: cell(k, kernelCell),
      ratio: perOpRatio(m, size, k),
    });
    before = { size, model: m, kernel: k };
  }
  return rows;
}

function loopRows(options: Options, kernel: Kernel): Row[] {
  progress(`model and kernel: ${count(OPENCLOSE)} open/close pairs`);
  const mOpen = medianOf(runModel('openclose', OPENCLOSE, options.runs), 'openclose');
  const kOpen = kernelLoop(kernel, 'openclose', OPENCLOSE, options.runs);
  progress(`model and kernel: ${count(CLONEMOVE)} open_tree + move_mount + umount`);
  const mClone = medianOf(runModel('clonemove', CLONEMOVE, options.runs), 'clonemove');
  const kClone = kernelLoop(kernel, 'clonemove', CLONEMOVE, options.runs);
  return [
    { group: '1', what: `${count(OPENCLOSE)} open + close of a file inside a mount`, model: perOp(mOpen, OPENCLOSE), reference: cell(kOpen, (ns, n) => `kernel ${perOp(ns, n)}`), ratio: perOpRatio(mOpen, OPENCLOSE, kOpen) },
    { group: '1', what: `${count(CLONEMOVE)} × open_tree(OPEN_TREE_CLONE) + move_mount + close + umount`, model: perOp(mClone, CLONEMOVE), reference: cell(kClone, (ns, n) => `kernel ${perOp(ns, n)}`), ratio: perOpRatio(mClone, CLONEMOVE, kClone) },
  ];
}

/**
 * Row 2. The model's side is timed only once it really propagates (n + 1
 * copies, peer groups: issue 5); the kernel's figures exist either way.
 */
function propagationRows(options: Options, kernel: Kernel): Row[] {
  progress(`model and kernel: a mount and its umount under ${count(PEERS)} shared peers`);
  const modelSamples = runModel('propagate', PEERS, options.runs);
  const copies = medianOf(modelSamples, 'prop-copies');
  const modelled = copies === PEERS + 1;
  const samples = 'skipped' in kernel ? null : kernel.run('propagate', PEERS, options.runs);
  const row = (what: string, metric: string): Row => {
    const m = modelled ? medianOf(modelSamples, metric) : null;
    const k = samples ? medianOf(samples, metric) : null;
    return {
      group: '2',
      what,
      model: m !== null ? duration(m) : `not modelled yet (issue 5)${copies > 0 ? `: ${count(copies)} ${copies === 1 ? 'copy' : 'copies'}` : ''}`,
      reference: k !== null ? `kernel ${duration(k)}` : `skipped: ${(kernel as { skipped: string }).skipped}`,
      ratio: m !== null && k !== null ? ratio(m, k) : '—',
    };
  };
  return [row(`mount under a peer group of ${count(PEERS)} shared peers (${count(PEERS + 1)} copies)`, 'prop-mount'), row('umount of it (and of every copy)', 'prop-umount')];
}

export function kernelRows(options: Options, kernel: Kernel): Row[] {
  return [...treeRows(options, kernel), ...loopRows(options, kernel), ...propagationRows(options, kernel)];
}
