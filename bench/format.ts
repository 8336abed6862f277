// How the table writes numbers: durations with a unit fit for their size,
// counts with thousands separators, ratios with two significant figures.

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A duration given in ns. */
export function duration(ns: number): string {
  const abs = Math.abs(ns);
  if (abs >= 1e9) return `${(ns / 1e9).toFixed(abs >= 1e10 ? 1 : 2)} s`;
  if (abs >= 1e6) return `${(ns / 1e6).toFixed(abs >= 1e8 ? 0 : abs >= 1e7 ? 1 : 2)} ms`;
  if (abs >= 1e3) return `${(ns / 1e3).toFixed(abs >= 1e5 ? 0 : abs >= 1e4 ? 1 : 2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

/** A total and its cost per operation: "172 ms (17.2 µs/op)". */
export function perOp(ns: number, ops: number): string {
  return `${duration(ns)} (${duration(ns / ops)}/op)`;
}

export function bytes(n: number): string {
  return n >= 10 * 1024 ? `${(n / 1024).toFixed(0)} KiB` : `${n.toFixed(0)} B`;
}

export function rate(perSecond: number): string {
  return `${count(Math.round(perSecond))}/s`;
}

/** "1.3×", "0.071×": how many times the reference. */
export function ratio(value: number, reference: number): string {
  const r = value / reference;
  if (!Number.isFinite(r)) return '—';
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toPrecision(2)}×`;
}

/** "1.65 ms [1.52 ms–2.10 ms]": the median, then the min and max of the runs. */
export function durationSpread(s: { min: number; median: number; max: number }): string {
  return `${duration(s.median)} [${duration(s.min)}–${duration(s.max)}]`;
}
