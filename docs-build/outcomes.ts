// How each cell outcome reads on the site: a label, a glyph (so status never
// rests on colour alone), a CSS class, and the status filter's groups.

import type { CellOutcome } from './model';

export interface OutcomeView {
  /** The `data-outcome` value the filters match: `failed-as-declared`. */
  readonly slug: string;
  readonly label: string;
  readonly glyph: string;
}

const VIEWS: Record<CellOutcome, { label: string; glyph: string; meaning: string }> = {
  passed: { label: 'passed', glyph: '✓', meaning: 'The kernel did what the scenario says a correct kernel does.' },
  'failed as declared': { label: 'failed as declared', glyph: '✗', meaning: 'The scenario is tagged @fails-on:KERNEL: this kernel is known to get it wrong, and it did. The claim is checked both ways, so it holds.' },
  'failed undeclared': { label: 'failed undeclared', glyph: '✗!', meaning: 'It failed and nothing declares it: the spec does not hold (npm test fails).' },
  'passed though declared failing': { label: 'passed though declared failing', glyph: '✓!', meaning: 'Tagged @fails-on:KERNEL, yet it passed: the claim is stale (npm test fails).' },
  'not applicable': { label: 'n/a', glyph: '–', meaning: 'It does not apply: written for other kernels (@only-on), or it looks into the model (@model-only), which the live kernel cannot show.' },
  skipped: { label: 'skipped', glyph: '↷', meaning: 'The kernel could not run here (the live kernel without root); the reason is given in the run.' },
  broken: { label: 'broken', glyph: '⚠', meaning: 'A step crashed, is undefined or ambiguous: not a verdict on the kernel.' },
  'no result': { label: 'no result', glyph: '?', meaning: "The run did not run this scenario (a run of part of the spec): there is nothing to show, and it counts as not as claimed." },
};

/** Every outcome with what it means, for the legend. */
export const LEGEND = (Object.keys(VIEWS) as CellOutcome[]).map((o) => ({ outcome: outcomeView(o, 'UNKNOWN'), meaning: VIEWS[o].meaning }));

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
