// Rows 1 and 2: the same operation sequences on the mainline model and on
// the real kernel, the umount -l linearity check (1k, 10k, 100k mounts), and
// propagation to 1,000 peers (timed on the model only once it propagates).
// The kernel cannot hold 100,000 mounts in one namespace (fs.mount-max is
// 100,000 and counts the mounts a new namespace inherits), so its largest
// tree is capped and the ratio for that row is taken per mount.
// Cells show the median, then [min–max] of the runs: the machine is shared.
// Beside each wall-clock figure is the median CPU time ("CPU"), and beside
// each ratio the ratio of CPU times: on a loaded machine wall-clock time also
// counts the time another process held the CPU; the kernel's wall-clock time
// also counts its sleeps (an RCU grace period in namespace_unlock()).
// With --baseline REF, each model row is followed by the same workload on
// REF's model, timed just before it ("before"), against the same kernel.

import type { KernelBench } from '../kernel/run';
import { count, duration, durationSpread, ratio } from '../format';
import { baselineCheckout } from '../model/baseline';
import { runModel, type ModelWorkload } from '../model/run';
import type { Options } from '../options';
import { progress } from '../progress';
import { spreadOf, type Sample, type Spread } from '../samples';
import type { Row } from '../table';

const TREE_SIZES = [1_000, 10_000, 100_000] as const;
const OPENCLOSE = 100_000;
const CLONEMOVE = 1_000;
const PEERS = 1_000;

type Kernel = KernelBench | { skipped: string };

/** A kernel spread over `size` operations (and of its CPU times), or the reason there is none. */
type Measured = { spread: Spread; cpu: Spread | null; size: number } | { skipped: string };

/** The spread of `metric`'s CPU times, or null when the run printed none (a model before they were measured). */
function cpuSpreadOf(samples: readonly Sample[], metric: string): Spread | null {
  const cpu = `${metric}-cpu`;
  return samples.some((s) => s.metric === cpu) ? spreadOf(samples, cpu) : null;
}

/** "; CPU 1.2 ms": the median CPU time, when there is one. */
function cpuNote(cpu: Spread | null): string {
  return cpu ? `; CPU ${duration(cpu.median)}` : '';
}

/** "1.3× (CPU 0.9×)": wall-clock ratio, then CPU-time ratio when both sides have one. */
function ratios(model: number, modelCpu: number | null, reference: number, referenceCpu: number | null): string {
  const wall = ratio(model, reference);
  return modelCpu !== null && referenceCpu !== null ? `${wall} (CPU ${ratio(modelCpu, referenceCpu)})` : wall;
}

/** One workload's model samples: this checkout's, and the baseline's when asked. */
interface ModelSamples {
  readonly now: readonly Sample[];
  readonly before: readonly Sample[] | null;
  /** The baseline's git ref, when there is one. */
  readonly ref: string | null;
}

/** The baseline first, then this checkout, back to back: both see the same load. */
function modelRun(options: Options, workload: ModelWorkload, size: number, reps: number): ModelSamples {
  const before = options.baseline ? runModel(workload, size, reps, { root: baselineCheckout(options.baseline) }) : null;
  return { now: runModel(workload, size, reps), before, ref: options.baseline };
}

function kernelTree(kernel: Kernel, size: number, runs: number): { mount: Measured; umount: Measured } {
  if ('skipped' in kernel) return { mount: kernel, umount: kernel };
  const n = Math.min(size, kernel.maxMounts);
  const samples = kernel.run('mounts', n, runs);
  return {
    mount: { spread: spreadOf(samples, 'mount'), cpu: cpuSpreadOf(samples, 'mount'), size: n },
    umount: { spread: spreadOf(samples, 'umount-l'), cpu: cpuSpreadOf(samples, 'umount-l'), size: n },
  };
}

function kernelLoop(kernel: Kernel, workload: 'openclose' | 'clonemove', size: number, runs: number): Measured {
  if ('skipped' in kernel) return kernel;
  const samples = kernel.run(workload, size, runs);
  return { spread: spreadOf(samples, workload), cpu: cpuSpreadOf(samples, workload), size };
}

function cell(m: Measured, show: (s: Spread, size: number) => string): string {
  return 'skipped' in m ? `skipped: ${m.skipped}` : `${show(m.spread, m.size)}${cpuNote(m.cpu)}`;
}

/** "128 ms [120 ms–140 ms] (12.8 µs/op)": the per-operation figure is the median's. */
function perOpSpread(s: Spread, ops: number): string {
  return `${durationSpread(s)} (${duration(s.median / ops)}/op)`;
}

/** model / kernel per operation (the sizes differ only for the capped tree), wall-clock and CPU. */
function perOpRatio(modelNs: number, modelCpu: number | null, modelSize: number, k: Measured): string {
  if ('skipped' in k) return '—';
  return ratios(modelNs / modelSize, modelCpu === null ? null : modelCpu / modelSize, k.spread.median / k.size, k.cpu ? k.cpu.median / k.size : null);
}

/**
 * The row for this checkout's model, and with --baseline the row for the
 * baseline's: `show` writes a model cell from a spread, `versus` the ratio
 * from the median wall-clock and CPU times.
 */
function modelRows(
  base: Omit<Row, 'model' | 'ratio'>,
  samples: ModelSamples,
  metric: string,
  show: (s: Spread, baseline: boolean) => string,
  versus: (modelNs: number, modelCpu: number | null) => string,
): Row[] {
  const row = (of: readonly Sample[], baseline: boolean) => {
    const wall = spreadOf(of, metric);
    const cpu = cpuSpreadOf(of, metric);
    return { model: `${show(wall, baseline)}${cpuNote(cpu)}`, ratio: versus(wall.median, cpu?.median ?? null) };
  };
  const rows: Row[] = [{ ...base, ...row(samples.now, false) }];
  if (samples.before) rows.push({ group: base.group, what: `↳ the same on --baseline ${samples.ref} (before)`, reference: base.reference, ...row(samples.before, true) });
  return rows;
}

function treeRows(options: Options, kernel: Kernel): Row[] {
  const runsFor = (size: number) => (size >= 100_000 ? options.slowRuns : options.runs);
  const model = new Map<number, ModelSamples>();
  const real = new Map<number, { mount: Measured; umount: Measured }>();
  for (const size of TREE_SIZES) {
    progress(`model: ${count(size)} mounts, then umount -l`);
    model.set(size, modelRun(options, 'mounts', size, runsFor(size)));
    progress(`kernel: ${count(size)} mounts, then umount -l`);
    real.set(size, kernelTree(kernel, size, runsFor(size)));
  }
  const k10 = real.get(10_000)!.mount;
  const rows: Row[] = modelRows(
    { group: '1', what: `${count(10_000)} tmpfs mounts under one directory`, reference: cell(k10, (s, n) => `kernel ${perOpSpread(s, n)}`) },
    model.get(10_000)!,
    'mount',
    (s) => perOpSpread(s, 10_000),
    (ns, cpu) => perOpRatio(ns, cpu, 10_000, k10),
  );
  let before: { size: number; model: ModelSamples; kernel: Measured } | null = null;
  for (const size of TREE_SIZES) {
    const m = model.get(size)!;
    const k = real.get(size)!.umount;
    const was = before;
    const kernelCell = (s: Spread, n: number) => {
      const capped = n !== size ? ` at ${count(n)} (capped: fs.mount-max)` : '';
      if (!was || 'skipped' in was.kernel) return `kernel ${durationSpread(s)}${capped}`;
      const linear = n / was.kernel.size;
      return `kernel ${durationSpread(s)}${capped} (×${(s.median / was.kernel.spread.median).toFixed(1)} vs ${count(was.kernel.size)}; linear ×${linear.toFixed(linear % 1 ? 1 : 0)})`;
    };
    // The growth figure compares each checkout with its own smaller tree.
    const growth = (s: Spread, baseline: boolean) => {
      const previous = was && (baseline ? was.model.before : was.model.now);
      return previous ? ` (×${(s.median / spreadOf(previous, 'umount-l').median).toFixed(1)} vs ${count(was.size)})` : '';
    };
    rows.push(
      ...modelRows(
        { group: '1', what: `umount -l of that tree, ${count(size)} mounts${was ? ' (growth; linear ×10)' : ''}`, reference: cell(k, kernelCell) },
        m,
        'umount-l',
        (s, baseline) => `${durationSpread(s)}${growth(s, baseline)}`,
        (ns, cpu) => perOpRatio(ns, cpu, size, k),
      ),
    );
    before = { size, model: m, kernel: k };
  }
  return rows;
}

function loopRows(options: Options, kernel: Kernel): Row[] {
  progress(`model and kernel: ${count(OPENCLOSE)} open/close pairs`);
  const mOpen = modelRun(options, 'openclose', OPENCLOSE, options.runs);
  const kOpen = kernelLoop(kernel, 'openclose', OPENCLOSE, options.runs);
  progress(`model and kernel: ${count(CLONEMOVE)} open_tree + move_mount + umount`);
  const mClone = modelRun(options, 'clonemove', CLONEMOVE, options.runs);
  const kClone = kernelLoop(kernel, 'clonemove', CLONEMOVE, options.runs);
  return [
    ...modelRows(
      { group: '1', what: `${count(OPENCLOSE)} open + close of a file inside a mount`, reference: cell(kOpen, (s, n) => `kernel ${perOpSpread(s, n)}`) },
      mOpen,
      'openclose',
      (s) => perOpSpread(s, OPENCLOSE),
      (ns, cpu) => perOpRatio(ns, cpu, OPENCLOSE, kOpen),
    ),
    ...modelRows(
      { group: '1', what: `${count(CLONEMOVE)} × open_tree(OPEN_TREE_CLONE) + move_mount + close + umount`, reference: cell(kClone, (s, n) => `kernel ${perOpSpread(s, n)}`) },
      mClone,
      'clonemove',
      (s) => perOpSpread(s, CLONEMOVE),
      (ns, cpu) => perOpRatio(ns, cpu, CLONEMOVE, kClone),
    ),
  ];
}

/**
 * Row 2. The model's side is timed only once it really propagates (n + 1
 * copies, peer groups: issue 5); the kernel's figures exist either way.
 */
function propagationRows(options: Options, kernel: Kernel): Row[] {
  progress(`model and kernel: a mount and its umount under ${count(PEERS)} shared peers`);
  const model = modelRun(options, 'propagate', PEERS, options.runs);
  const copies = spreadOf(model.now, 'prop-copies').median;
  const modelled = copies === PEERS + 1;
  const samples = 'skipped' in kernel ? null : kernel.run('propagate', PEERS, options.runs);
  const row = (what: string, metric: string): Row[] => {
    const k = samples ? spreadOf(samples, metric) : null;
    const kCpu = samples ? cpuSpreadOf(samples, metric) : null;
    const reference = k !== null ? `kernel ${durationSpread(k)}${cpuNote(kCpu)}` : `skipped: ${(kernel as { skipped: string }).skipped}`;
    if (!modelled) return [{ group: '2', what, model: `not modelled yet (issue 5)${copies > 0 ? `: ${count(copies)} ${copies === 1 ? 'copy' : 'copies'}` : ''}`, reference, ratio: '—' }];
    return modelRows({ group: '2', what, reference }, model, metric, (s) => durationSpread(s), (ns, cpu) => (k !== null ? ratios(ns, cpu, k.median, kCpu?.median ?? null) : '—'));
  };
  return [...row(`mount under a peer group of ${count(PEERS)} shared peers (${count(PEERS + 1)} copies)`, 'prop-mount'), ...row('umount of it (and of every copy)', 'prop-umount')];
}

export function kernelRows(options: Options, kernel: Kernel): Row[] {
  return [...treeRows(options, kernel), ...loopRows(options, kernel), ...propagationRows(options, kernel)];
}
