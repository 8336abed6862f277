// Measurements as both sides print them, one "metric size value" per line
// (times in ns), and the statistics the table shows: the median, and where
// the spread matters (a shared, noisy machine) the min and max beside it.

export interface Sample {
  readonly metric: string;
  readonly size: number;
  readonly value: number;
}

export function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [metric, size, value] = line.trim().split(/\s+/);
      if (metric === undefined || !(Number(size) > 0) || !Number.isFinite(Number(value))) throw new Error(`bench: unreadable sample line "${line}"`);
      return { metric, size: Number(size), value: Number(value) };
    });
}

/** The median, robust to the odd slow run (a GC, a timer tick). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('bench: median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of one metric's values, across however many runs printed it. */
export function medianOf(samples: readonly Sample[], metric: string): number {
  return median(samples.filter((s) => s.metric === metric).map((s) => s.value));
}

export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** min, median and max of one metric's values. */
export function spreadOf(samples: readonly Sample[], metric: string): Spread {
  const values = samples.filter((s) => s.metric === metric).map((s) => s.value);
  return { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}
