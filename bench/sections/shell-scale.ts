// Row 6: does the transcript shell stay linear? `# true` lines at 1k, 10k,
// 100k and 1M (commands per second, target 30,000/s in process), and `# sh`
// lines nesting 100, 1k and 10k shells (time per shell should not grow).
// In process, as `mountspec run` runs a transcript (bench/model/shell-scale.ts);
// the CLI adds its start-up (row 5 times that).

import { count, duration, rate, ratio } from '../format';
import { runModel } from '../model/run';
import type { Options } from '../options';
import { progress } from '../progress';
import { spreadOf } from '../samples';
import type { Row } from '../table';

const COMMAND_SIZES = [1_000, 10_000, 100_000, 1_000_000] as const;
const NESTED_SIZES = [100, 1_000, 10_000] as const;
const TARGET_PER_SECOND = 30_000;

/**
 * min/median/max ns per run at each size. The largest size gets the
 * slow-run count; small ones run until about 100,000 lines have gone by, so
 * that their median is not one GC pause or timer tick.
 */
function measure(options: Options, workload: 'commands' | 'nested', sizes: readonly number[]): Map<number, { median: number; min: number; max: number }> {
  const out = new Map<number, { median: number; min: number; max: number }>();
  for (const size of sizes) {
    progress(`model: ${count(size)} ${workload === 'commands' ? '"# true" lines' : 'nested "# sh" lines'}`);
    const runs = size === sizes[sizes.length - 1] ? options.slowRuns : Math.max(options.runs, Math.ceil(100_000 / size));
    out.set(size, spreadOf(runModel(workload, size, runs), workload));
  }
  return out;
}

/** "×9.8 per ×10 lines": how the time grew from the size before (linear: the sizes' ratio). */
function growth(now: number, before: number | undefined, size: number, beforeSize: number | undefined): string {
  return before === undefined || beforeSize === undefined ? '' : ` (time ×${(now / before).toFixed(1)} for ×${size / beforeSize} lines)`;
}

export function shellScaleRows(options: Options): Row[] {
  const rows: Row[] = [];
  const commands = measure(options, 'commands', COMMAND_SIZES);
  COMMAND_SIZES.forEach((size, i) => {
    const s = commands.get(size)!;
    const perSecond = (size * 1e9) / s.median;
    const was = COMMAND_SIZES[i - 1];
    rows.push({
      group: '6',
      what: `${count(size)} lines of "# true", in process as mountspec run runs them`,
      model: `${rate(perSecond)} [${rate((size * 1e9) / s.max)}–${rate((size * 1e9) / s.min)}], ${duration(s.median)}${growth(s.median, was && commands.get(was)!.median, size, was)}`,
      reference: `target ${rate(TARGET_PER_SECOND)}, linear`,
      ratio: ratio(perSecond, TARGET_PER_SECOND),
    });
  });
  const nested = measure(options, 'nested', NESTED_SIZES);
  const first = nested.get(NESTED_SIZES[0])!.median / NESTED_SIZES[0];
  let before: number | undefined;
  let beforeSize: number | undefined;
  for (const size of NESTED_SIZES) {
    const s = nested.get(size)!;
    rows.push({
      group: '6',
      what: `${count(size)} nested shells ("# sh" lines), in process`,
      model: `${duration(s.median)} [${duration(s.min)}–${duration(s.max)}], ${duration(s.median / size)}/shell${growth(s.median, before, size, beforeSize)}`,
      reference: `target: linear (${duration(first)}/shell at ${count(NESTED_SIZES[0])})`,
      ratio: ratio(s.median / size, first),
    });
    before = s.median;
    beforeSize = size;
  }
  return rows;
}
