// How each cell outcome reads on the site: a label, a glyph (so status never
// rests on colour alone), a CSS class, and the status filter's groups.

import type { CellOutcome } from './model';

export interface OutcomeView {
  /** The `data-outcome` value the filters match: `failed-as-declared`. */
  readonly slug: string;
  readonly label: string;
  readonly glyph: string;
}

const VIEWS: Record<CellOutcome, { label: string; glyph: string }> = {
  passed: { label: 'passed', glyph: '✓' },
  'failed as declared': { label: 'failed as declared', glyph: '✗' },
  'failed undeclared': { label: 'failed undeclared', glyph: '✗!' },
  'passed though declared failing': { label: 'passed though declared failing', glyph: '✓!' },
  'not applicable': { label: 'n/a', glyph: '–' },
  skipped: { label: 'skipped', glyph: '↷' },
  broken: { label: 'broken', glyph: '⚠' },
  'no result': { label: 'no result', glyph: '?' },
};

export const OUTCOMES = Object.keys(VIEWS) as CellOutcome[];

export function outcomeSlug(outcome: CellOutcome): string {
  return outcome.replace(/ /g, '-');
}

/** `broken` also says why (`broken: undefined`), from the step status. */
export function outcomeView(outcome: CellOutcome, status: string): OutcomeView {
  const v = VIEWS[outcome];
  const label = outcome === 'broken' && status !== 'UNKNOWN' ? `${v.label}: ${status.toLowerCase()}` : v.label;
  return { slug: outcomeSlug(outcome), label, glyph: v.glyph };
}

/** The status filter's choices: groups first, then each outcome. `ok=false` is "not as claimed". */
export const STATUS_FILTERS: readonly { readonly value: string; readonly label: string; readonly outcomes: readonly string[] }[] = [
  { value: 'failed', label: 'failed (any)', outcomes: ['failed-as-declared', 'failed-undeclared', 'broken'] },
  { value: 'not-as-claimed', label: 'not as the spec claims', outcomes: [] },
  ...OUTCOMES.map((o) => ({ value: outcomeSlug(o), label: VIEWS[o].label, outcomes: [outcomeSlug(o)] })),
];
