// The spec model: what the site shows, joined from every kernel's stream.
// Built by transform.ts, read by the renderers; no message ids survive into
// it (they are random per run): everything is keyed on `uri:line`.

import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Outcome } from '../runner/verdict';
import type { RunInfo } from './run-info';
import type { Session } from './session';

export interface KernelColumn {
  /** `v12`, …, `live`: the stream's file name. */
  readonly id: string;
  /** The column heading: the id, and for `live` the release (`live 6.18.44`). */
  readonly label: string;
  /** The backend's own one-line description, from its session attachments. */
  readonly description: string | null;
}

/** Markdown prose, parsed (mdast), with the citations it quotes. */
export interface Narrative {
  readonly tree: Root;
  /** Carries `data.citations`, the citation blockquotes in order. */
  readonly file: VFile;
  /** The global id (`cite-…`) of each of `file.data.citations`, same order. */
  readonly citationIds: readonly string[];
}

export interface Step {
  /** The step's anchor on its feature page: `L<scenario line>-L<step line>`. */
  readonly anchor: string;
  readonly line: number;
  readonly keyword: string;
  readonly text: string;
  readonly docString: string | null;
  readonly dataTable: readonly (readonly string[])[] | null;
}

export type CellOutcome = Outcome | 'no result';

export interface Cell {
  readonly kernel: string;
  readonly outcome: CellOutcome;
  /** The worst step status (`PASSED`, `FAILED`, `UNDEFINED`, …). */
  readonly status: string;
  /** The outcome is what the spec claims (runner/verdict.ts). */
  readonly ok: boolean;
  readonly declaredFailing: boolean;
  /** The first failing step's message. */
  readonly message: string | null;
  /** The line of the step that failed, when a step (not a hook) did. */
  readonly failedStepLine: number | null;
  /** One status per scenario step, `UNKNOWN` where it did not run. */
  readonly stepStatuses: readonly string[];
  readonly session: Session | null;
  /** `this.log()` lines (text/x.cucumber.log+plain), e.g. why it was skipped. */
  readonly logs: readonly string[];
}

export interface Scenario {
  /** `features/x.feature:41`, the key runner/verdict.ts uses. */
  readonly key: string;
  readonly uri: string;
  readonly line: number;
  /** `L41`. */
  readonly anchor: string;
  readonly keyword: string;
  readonly name: string;
  readonly tags: readonly string[];
  readonly description: Narrative | null;
  readonly steps: readonly Step[];
  /** One per kernel column, same order. */
  readonly cells: readonly Cell[];
  /** Ids of the citations its feature's or its own narrative quotes. */
  readonly citations: readonly string[];
}

export interface Feature {
  readonly uri: string;
  /** The page, relative to the site root: `features/thread/x.html`. */
  readonly page: string;
  readonly keyword: string;
  readonly name: string;
  readonly tags: readonly string[];
  readonly narrative: Narrative | null;
  readonly scenarios: readonly Scenario[];
}

/** A scenario (or, for a feature without scenarios, the feature) that quotes a passage. */
export interface CitedBy {
  readonly featureName: string;
  readonly page: string;
  /** `L41`, or null for the feature itself. */
  readonly anchor: string | null;
  readonly scenarioName: string | null;
  readonly key: string;
}

export interface Citation {
  /** `cite-when-i-debug-the-kernel`: stable while the quote is. */
  readonly id: string;
  /** What it is about: where it is first quoted and its opening words (distinct per passage). */
  readonly heading: string;
  /** Who said it: the attribution up to the date. */
  readonly who: string;
  readonly date: string | null;
  /** The linked message subject, and its archive URL. */
  readonly subject: string | null;
  readonly url: string | null;
  /** The quote as first seen, and where it came from (to render it again). */
  readonly narrative: Narrative;
  readonly index: number;
  readonly citedBy: readonly CitedBy[];
}

export interface Spec {
  /** When and with what the run was made. */
  readonly run: RunInfo;
  readonly kernels: readonly KernelColumn[];
  readonly features: readonly Feature[];
  readonly citations: readonly Citation[];
}
