// The one table `npm run bench` prints: GitHub Markdown, so it can be pasted
// into the README as it is, with columns padded for a terminal.

export interface Row {
  /** 1-5: the numbering of the benchmarks. */
  readonly group: string;
  readonly what: string;
  readonly model: string;
  readonly reference: string;
  /** model / reference; what "better" means depends on the unit (see the footnote). */
  readonly ratio: string;
}

const HEADER: Row = { group: '#', what: 'benchmark', model: 'model (median)', reference: 'reference (median)', ratio: 'model / reference' };

function escape(cell: string): string {
  return cell.replace(/\|/g, '\\|');
}

export function renderTable(rows: readonly Row[]): string {
  const cells = [HEADER, ...rows].map((r) => [r.group, r.what, r.model, r.reference, r.ratio].map(escape));
  const widths = cells[0]!.map((_, i) => Math.max(3, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `| ${c.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}
