// docs-build: cucumber message streams → the spec site.
// load (NDJSON → envelopes) → parse + transform (→ Spec, narratives as mdast)
// → render (views, Handlebars pages, SVG) → write (site/).

import { loadTemplates } from './handlebars';
import { loadReports, type Stream } from './load';
import type { Spec } from './model';
import { renderSite } from './pages';
import { runInfo } from './run-info';
import { transform } from './transform';
import { writeSite } from './write';

export interface BuildOptions {
  /** Where the `<kernel>.ndjson` streams are (default `reports`). */
  readonly reports: string;
  /** Where the site goes (default `site`). */
  readonly out: string;
  /** Column order (default: the cucumber profiles' KERNELS). */
  readonly kernels?: readonly string[];
}

export interface BuildResult {
  readonly spec: Spec;
  readonly streams: readonly Stream[];
  readonly files: ReadonlyMap<string, string>;
}

/** The kernel order of cucumber.js's profiles, when there is one. */
export function profileKernels(): string[] {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../cucumber.js') as { KERNELS?: string[] }).KERNELS ?? [];
  } catch {
    return [];
  }
}

/** Everything but the write: for the report, the bench and the tests. */
export function buildSpec(reports: string, kernels: readonly string[] = profileKernels()): { spec: Spec; streams: Stream[] } {
  const streams = loadReports(reports, kernels);
  return { spec: { ...transform(streams), run: runInfo(streams, reports) }, streams };
}

export function build(options: BuildOptions): BuildResult {
  const { spec, streams } = buildSpec(options.reports, options.kernels);
  const files = renderSite(spec, loadTemplates());
  writeSite(options.out, files);
  return { spec, streams, files };
}
