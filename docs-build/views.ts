// render, part one: the Spec → plain view objects for the templates. Links are
// made relative to the page (the site works from file:// and any sub-path);
// the only HTML handed over is the sanitized narrative and our own SVG, as
// SafeStrings; everything else is text that Handlebars escapes.

import Handlebars from 'handlebars';
import type { Root } from 'mdast';
import { byArea } from './areas';
import { renderMarkdown } from './markdown';
import type { Cell, Citation, Feature, KernelColumn, Narrative, Scenario, Spec } from './model';
import { OUTCOMES, outcomeView, STATUS_FILTERS, type OutcomeView } from './outcomes';
import type { CitationTarget } from './plugins/rehype-citation-figures';
import { isArchiveSearch } from './plugins/remark-citations';
import type { CommandRun, Session } from './session';
import { sameList, type TreeTable } from './tree-data';

type Html = Handlebars.SafeString;
const trusted = (html: string): Html => new Handlebars.SafeString(html);

/** `features/thread/x.html` → `../../`: the way back to the site root. */
export function rootOf(page: string): string {
  return '../'.repeat(page.split('/').length - 1);
}

export function narrativeHtml(n: Narrative, spec: Spec, root: string, onCitationsPage = false): Html {
  const byId = new Map(spec.citations.map((c) => [c.id, c]));
  const targets: Record<number, CitationTarget> = {};
  n.citationIds.forEach((id, i) => {
    targets[i] = { id, citedByHref: onCitationsPage ? null : `${root}citations.html#${id}`, citedByCount: byId.get(id)?.citedBy.length ?? 0 };
  });
  return trusted(renderMarkdown(n.tree, String(n.file.path), targets));
}

export const FAILING: ReadonlySet<string> = new Set(['failed as declared', 'failed undeclared', 'passed though declared failing', 'broken']);

function explanation(scenario: Scenario, cell: Cell): string | null {
  const only = scenario.tags.map((t) => /^@only-on:(.+)$/.exec(t)?.[1]).filter((k): k is string => k !== undefined);
  if (cell.outcome === 'not applicable' && only.length && !only.includes(cell.kernel)) return `Written for ${only.join(', ')} alone (@only-on): it does not apply to ${cell.kernel}.`;
  if (cell.outcome === 'not applicable' && scenario.tags.includes('@model-only')) return `It looks into the model's internals (@model-only), which the ${cell.kernel} kernel cannot show: not run there.`;
  if (cell.outcome === 'not applicable') return `Not selected for ${cell.kernel} by its profile's tags.`;
  if (cell.outcome === 'no result') return `The ${cell.kernel} run did not run this scenario (a run of part of the spec): no result, which the spec does not claim.`;
  if (cell.outcome === 'passed though declared failing') return `Declared @fails-on:${cell.kernel}, yet it passed: the claim is stale.`;
  if (cell.outcome === 'failed undeclared') return `Nothing declares this failure (no @fails-on:${cell.kernel}).`;
  return null;
}

/** A command of a run as its terminal shows it; on the page it is `<cell id>-L<line>`. */
export interface TerminalEntry {
  /** The command's line in the feature file. */
  readonly line: number;
  readonly command: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly note: string;
  readonly noteClass: string;
  readonly unread: boolean;
}

/** What the kernel logged during a command (`line`: the command's). */
export interface KernelLogView {
  readonly line: number;
  readonly command: string;
  readonly html: Html;
  readonly text: string;
}

function statusNote(status: number | null, stuck: boolean, unread: boolean): { note: string; noteClass: string } {
  if (unread) return { note: 'never read: the shell is stuck', noteClass: 'note-unread' };
  if (stuck) return { note: 'never returned: the shell is stuck', noteClass: 'note-stuck' };
  if (status === null) return { note: 'a nested shell reads the lines below', noteClass: 'note-nested' };
  // Most lines exit 0: theirs is the note's plain style, with no class to repeat.
  return { note: `exit ${status}`, noteClass: status === 0 ? '' : 'note-error' };
}

/** Output that lacks its last newline would run into the next prompt. */
const endLine = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

/** The parts of a modelled kernel log the model makes up: CPU number, seconds, comm:PID. */
const INVENTED = /CPU#\d+|\b\d+s!|\[[\w-]+:\d+\]/g;

/** A kernel log as HTML: a modelled one marks its made-up parts (escaped text otherwise). */
function kernelLogHtml(text: string, modelled: boolean): Html {
  const escape = (t: string) => Handlebars.escapeExpression(t);
  if (!modelled) return trusted(escape(text));
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INVENTED)) {
    out += `${escape(text.slice(last, m.index))}<span class="invented" title="made up by the model, not captured">${escape(m[0])}</span>`;
    last = m.index + m[0].length;
  }
  return trusted(out + escape(text.slice(last)));
}

export interface MountinfoView {
  /** The command's line: the table is `<cell id>-L<line>-mountinfo`. */
  readonly line: number;
  readonly command: string;
  readonly note: string;
  /** /proc/self/mountinfo as the kernel printed it. */
  readonly text: string;
  /** The same as after the command before: no table. */
  readonly unchanged: boolean;
}

export interface PictureView {
  /** The command's line: the figure is `<cell id>-L<line>-tree`. */
  readonly line: number;
  readonly command: string;
  readonly note: string;
  /** The state's index in the page's tree table, and the previous drawn state's (-1: none). */
  readonly tree: number;
  readonly before: number;
  /** The command left the tree as it was: nothing is drawn. */
  readonly unchanged: boolean;
}

/** The terminal's last line says the mount table did not change, so no picture follows for it. */
function unchangedAt(terminal: TerminalEntry[]): void {
  const last = terminal[terminal.length - 1];
  if (last) terminal[terminal.length - 1] = { ...last, note: `${last.note} · mounts unchanged` };
}

interface RunViews {
  readonly terminal: readonly TerminalEntry[];
  readonly kernelLog: readonly KernelLogView[];
  readonly modelled: boolean;
  readonly pictures: readonly PictureView[];
  readonly mountinfo: readonly MountinfoView[];
}

function runViews(session: Session, trees: TreeTable): RunViews {
  let stuckSeen = false;
  const terminal: TerminalEntry[] = [];
  const modelled = session.kernel !== 'live';
  const kernelLog: KernelLogView[] = [];
  const pictures: PictureView[] = [];
  const mountinfo: MountinfoView[] = [];
  let lastMountinfo: string | null = null;
  let before = -1;
  session.results.forEach((r, i) => {
    const line = session.lines[i]?.line ?? i + 1;
    const unread = r.stuck && stuckSeen;
    stuckSeen ||= r.stuck;
    const { note, noteClass } = statusNote(r.status, r.stuck, unread);
    terminal.push({ line, command: r.command, stdout: endLine(r.stdout), stderr: endLine(r.stderr), note, noteClass, unread });
    if (r.kernel.length) kernelLog.push({ line, command: r.command, html: kernelLogHtml(r.kernel.join('\n'), modelled), text: r.kernel.join('\n') });
    if (unread) return;
    if (r.state) {
      const tree = trees.add(r.state);
      if (tree === before) return void unchangedAt(terminal);
      pictures.push({ line, command: r.command, note, tree, before, unchanged: false });
      before = tree;
    } else {
      if (r.mountinfo === lastMountinfo) return void unchangedAt(terminal);
      mountinfo.push({ line, command: r.command, note, text: r.mountinfo, unchanged: false });
      lastMountinfo = r.mountinfo;
    }
  });
  return { terminal, kernelLog, modelled, pictures, mountinfo };
}

/**
 * A page's run views by parsed run: kernels that ran a scenario alike share
 * one parsed run (session.ts), whose views are made once per page (their
 * trees are the page's tree table's) and shown once (sharedRuns).
 */
const pageRuns = new WeakMap<TreeTable, WeakMap<readonly CommandRun[], { lines: Session['lines']; views: [RunViews | null, RunViews | null] }>>();

function sessionViews(session: Session, trees: TreeTable): RunViews {
  let runs = pageRuns.get(trees);
  if (!runs) pageRuns.set(trees, (runs = new WeakMap()));
  let known = runs.get(session.results);
  if (known?.lines !== session.lines) runs.set(session.results, (known = { lines: session.lines, views: [null, null] }));
  const modelled = session.kernel !== 'live' ? 1 : 0;
  return (known.views[modelled] ??= runViews(session, trees));
}

export interface CellView {
  readonly id: string;
  readonly kernel: string;
  readonly label: string;
  readonly outcome: OutcomeView;
  readonly ok: boolean;
  readonly open: boolean;
  readonly explanation: string | null;
  readonly message: string | null;
  readonly failedStep: { readonly href: string; readonly text: string } | null;
  readonly logs: readonly string[];
  readonly terminal: readonly TerminalEntry[];
  readonly kernelLog: readonly KernelLogView[];
  /** The kernel log is the model's, not captured. */
  readonly modelled: boolean;
  readonly pictures: readonly PictureView[];
  readonly mountinfo: readonly MountinfoView[];
  /** Parts of this run that are another kernel's exactly, shown there (`Terminal and mount trees`). */
  readonly sameAs: readonly { readonly what: string; readonly label: string; readonly href: string }[];
  /** Parts of this run that other kernels showed alike (`v12-move-fix, mainline`). */
  readonly alsoOn: readonly { readonly what: string; readonly labels: string }[];
  /** `h3` on a feature page, `h4` in the report (under its own h3). */
  readonly headingLevel: number;
}

/** `idPrefix` keeps ids unique where several features share a page (the report). */
export function cellView(scenario: Scenario, cell: Cell, kernel: KernelColumn, trees: TreeTable, idPrefix = ''): CellView {
  const id = `${idPrefix}${scenario.anchor}-${cell.kernel}`;
  const failed = cell.failedStepLine === null || idPrefix !== '' ? undefined : scenario.steps.find((s) => s.line === cell.failedStepLine);
  const session = cell.session ? sessionViews(cell.session, trees) : { terminal: [], kernelLog: [], modelled: false, pictures: [], mountinfo: [] };
  return {
    id,
    kernel: cell.kernel,
    label: kernel.label,
    outcome: outcomeView(cell.outcome, cell.status),
    ok: cell.ok,
    open: FAILING.has(cell.outcome) || !cell.ok,
    explanation: explanation(scenario, cell),
    message: cell.message,
    failedStep: failed ? { href: `#${failed.anchor}`, text: `${failed.keyword} ${failed.text}` } : null,
    logs: cell.logs,
    ...session,
    sameAs: [],
    alsoOn: [],
    headingLevel: idPrefix === '' ? 3 : 4,
  };
}

/** The parts of a run that two kernels often show alike, each with what makes it the same (ids left out). */
const PARTS = [
  {
    what: 'terminal (with kernel log)',
    keys: ['terminal', 'kernelLog'] as const,
    same: (a: CellView, b: CellView) =>
      a.modelled === b.modelled &&
      sameList(a.terminal, b.terminal, (x, y) => x.command === y.command && x.stdout === y.stdout && x.stderr === y.stderr && x.note === y.note && x.noteClass === y.noteClass && x.unread === y.unread) &&
      sameList(a.kernelLog, b.kernelLog, (x, y) => x.text === y.text),
  },
  { what: 'mount trees', keys: ['pictures'] as const, same: (a: CellView, b: CellView) => sameList(a.pictures, b.pictures, (x, y) => x.tree === y.tree && x.before === y.before && x.unchanged === y.unchanged && x.command === y.command) },
  { what: 'mountinfo tables', keys: ['mountinfo'] as const, same: (a: CellView, b: CellView) => sameList(a.mountinfo, b.mountinfo, (x, y) => x.command === y.command && x.text === y.text && x.unchanged === y.unchanged) },
];

/** `['terminal', 'mount trees']` → `Terminal and mount trees`. */
function partsPhrase(parts: readonly string[]): string {
  const text = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence per other kernel (or set of kernels) rather than one per part. */
function mergeParts<T extends { what: string }>(list: readonly T[], by: (x: T) => string): T[] {
  const groups = new Map<string, { first: T; whats: string[] }>();
  for (const x of list) {
    const g = groups.get(by(x));
    if (g) g.whats.push(x.what);
    else groups.set(by(x), { first: x, whats: [x.what] });
  }
  return [...groups.values()].map((g) => ({ ...g.first, what: partsPhrase(g.whats) }));
}

/** Identical parts of runs on several kernels are shown once, on the first; the others point to it. */
export function sharedRuns(cells: readonly CellView[]): CellView[] {
  const out = cells.map((c) => ({ ...c, sameAs: [...c.sameAs], alsoOn: [] as { what: string; labels: string[] }[] }));
  for (const part of PARTS) {
    const shown: number[] = []; // the first cell of each distinct version of the part
    cells.forEach((c, i) => {
      if (part.keys.every((k) => c[k].length === 0)) return;
      const at = shown.find((j) => part.same(cells[j]!, c));
      if (at === undefined) return void shown.push(i);
      const owner = out[at]!;
      const mine = owner.alsoOn.find((a) => a.what === part.what);
      if (mine) owner.alsoOn[owner.alsoOn.indexOf(mine)] = { what: part.what, labels: [...mine.labels, c.label] };
      else owner.alsoOn.push({ what: part.what, labels: [c.label] });
      const cell = out[i]!;
      cell.sameAs.push({ what: part.what, label: owner.label, href: `#${owner.id}` });
      for (const k of part.keys) (cell as unknown as Record<string, unknown>)[k] = [];
    });
  }
  return out.map((c) => ({ ...c, sameAs: mergeParts(c.sameAs, (x) => x.href), alsoOn: mergeParts(c.alsoOn.map((a) => ({ what: a.what, labels: a.labels.join(', ') })), (x) => x.labels) }));
}

/** What the report's search box matches (it has no full-text index): names, tags and steps. The site's pages take names and tags from the row itself (site.js) and load the index for the rest. */
function searchText(feature: Feature, scenario: Scenario): string {
  return [feature.name, scenario.name, ...scenario.tags, ...scenario.steps.map((s) => s.text)].join(' ').toLowerCase();
}

export interface MatrixRow {
  readonly key: string;
  readonly name: string;
  readonly href: string | null;
  readonly tags: string;
  readonly text: string | null;
  readonly cells: readonly { readonly kernel: string; readonly label: string; readonly href: string | null; readonly outcome: OutcomeView; readonly ok: boolean }[];
}

export interface MatrixGroup {
  readonly name: string;
  readonly href: string | null;
  /** The anchor of its area (`area-thread`), on every group: the filters hide an area's heading with its last group. */
  readonly area: string;
  /** On the first group of each area, when the matrix holds more than one: the area's heading row. */
  readonly areaHead: { readonly anchor: string; readonly title: string; readonly path: string } | null;
  readonly rows: readonly MatrixRow[];
}

/**
 * `cellHref` null: the cell is not a link (the report links failures only);
 * `linkPages` false: feature and scenario names are not links (the report
 * stands alone, without the site's pages). Features are grouped by area
 * (areas.ts), keeping their order within it.
 */
export function matrixView(spec: Spec, features: readonly Feature[], root: string, cellHref: (f: Feature, s: Scenario, kernel: string) => string | null, linkPages = true) {
  const areas = byArea(features);
  const headed = areas.length > 1;
  return {
    kernels: spec.kernels,
    groups: areas.flatMap((area) =>
      area.features.map(
        (f, i): MatrixGroup => ({
          name: f.name,
          href: linkPages ? `${root}${f.page}` : null,
          area: area.anchor,
          areaHead: headed && i === 0 ? { anchor: area.anchor, title: area.title, path: area.folder ? `features/${area.folder}/` : 'features/' } : null,
          rows: f.scenarios.map(
            (s): MatrixRow => ({
              key: s.key,
              name: s.name,
              href: linkPages ? `${root}${f.page}#${s.anchor}` : null,
              tags: s.tags.join(' '),
              // The site's pages compute it from the row (site.js); the report's rows also carry the steps.
              text: linkPages ? null : searchText(f, s),
              cells: s.cells.map((c, k) => ({ kernel: c.kernel, label: spec.kernels[k]?.label ?? c.kernel, href: cellHref(f, s, c.kernel), outcome: outcomeView(c.outcome, c.status), ok: c.ok })),
            }),
          ),
        }),
      ),
    ),
  };
}

export function filtersView(spec: Spec) {
  const tags = [...new Set(spec.features.flatMap((f) => f.scenarios.flatMap((s) => s.tags)))].sort();
  return { kernels: spec.kernels, tags, statuses: STATUS_FILTERS.map((f) => ({ value: f.value, label: f.label, outcomes: f.outcomes.join(' ') })) };
}

/** How many features, scenarios and results, and how many results are as the spec claims (`cell.ok`). */
function tally(features: readonly Feature[]) {
  const cells = features.flatMap((f) => f.scenarios.flatMap((s) => s.cells));
  const asClaimed = cells.filter((c) => c.ok).length;
  return { features: features.length, scenarios: features.reduce((n, f) => n + f.scenarios.length, 0), cells: cells.length, asClaimed, notAsClaimed: cells.length - asClaimed };
}

/** Per kernel, how many scenarios ended each way (only outcomes that occur). */
export function countsView(spec: Spec) {
  const cells = spec.features.flatMap((f) => f.scenarios.flatMap((s) => s.cells));
  const rows = OUTCOMES.filter((o) => cells.some((c) => c.outcome === o)).map((o) => ({
    outcome: outcomeView(o, 'UNKNOWN'),
    counts: spec.kernels.map((k) => cells.filter((c) => c.kernel === k.id && c.outcome === o).length),
    total: cells.filter((c) => c.outcome === o).length,
  }));
  const { features, scenarios, cells: results, asClaimed, notAsClaimed } = tally(spec.features);
  return { kernels: spec.kernels, rows, features, scenarios, citations: spec.citations.length, cells: results, notAsClaimed, asClaimed };
}

/**
 * The index's table of areas, in the matrix's order: each links to its
 * heading row in the matrix (to the matrix itself when there is one area,
 * which gets no heading row), with its counts.
 */
export function areasView(spec: Spec) {
  const areas = byArea(spec.features);
  return areas.map((a) => ({ title: a.title, href: areas.length > 1 ? `#${a.anchor}` : '#matrix', ...tally(a.features) }));
}

/**
 * A step's status on each kernel: one dot per kernel (in column order), or one
 * for all when every kernel's is the same; the title names them by status.
 */
function stepStatuses(spec: Spec, scenario: Scenario, step: number): { dots: string[]; title: string } {
  const all = scenario.cells.map((c, k) => ({ label: spec.kernels[k]?.label ?? c.kernel, status: (c.stepStatuses[step] ?? 'UNKNOWN').toLowerCase() }));
  if (all.length > 1 && all.every((x) => x.status === all[0]!.status)) return { dots: [all[0]!.status], title: `${all[0]!.status} on every kernel` };
  const byStatus = new Map<string, string[]>();
  for (const x of all) byStatus.set(x.status, [...(byStatus.get(x.status) ?? []), x.label]);
  return { dots: all.map((x) => x.status), title: [...byStatus].map(([status, labels]) => `${status} on ${labels.join(', ')}`).join('; ') };
}

export function scenarioView(spec: Spec, _feature: Feature, scenario: Scenario, root: string, trees: TreeTable) {
  const byId = new Map(spec.citations.map((c) => [c.id, c]));
  return {
    anchor: scenario.anchor,
    key: scenario.key,
    keyword: scenario.keyword,
    name: scenario.name,
    tags: scenario.tags,
    description: scenario.description ? narrativeHtml(scenario.description, spec, root) : null,
    steps: scenario.steps.map((step, i) => ({
      ...step,
      statuses: stepStatuses(spec, scenario, i),
    })),
    citations: scenario.citations.map((id) => {
      const c = byId.get(id);
      return { href: `${root}citations.html#${id}`, text: c ? c.heading : id };
    }),
    cells: sharedRuns(scenario.cells.map((c, i) => cellView(scenario, c, spec.kernels[i] ?? { id: c.kernel, label: c.kernel, description: null }, trees))),
  };
}

/** Only http(s) archive links leave the site; anything else stays text. */
export function safeUrl(url: string | null): string | null {
  return url !== null && /^https?:\/\//i.test(url) ? url : null;
}

/**
 * The messages the citations come from, each once (subject and archive
 * link), in order of first citation: every entry points here instead of
 * repeating the same link.
 */
export function citationSources(citations: readonly Citation[]) {
  const sources = new Map<string, { id: string; subject: string; url: string | null; search: boolean; dates: string[] }>();
  for (const c of citations) {
    const url = safeUrl(c.url);
    if (!url && !c.subject) continue;
    const key = `${c.subject ?? ''}\n${url ?? ''}`;
    const source = sources.get(key) ?? { id: `source-${sources.size + 1}`, subject: c.subject ?? url ?? '', url, search: url !== null && isArchiveSearch(url), dates: [] };
    if (c.date && !source.dates.includes(c.date)) source.dates.push(c.date);
    sources.set(key, source);
  }
  return [...sources.values()].map((s) => ({ ...s, dates: s.dates.join(', ') }));
}

export function citationView(c: Citation, root: string) {
  const node = c.narrative.file.data.citations?.[c.index]?.node;
  const tree: Root = { type: 'root', children: node ? [structuredClone(node)] : [] };
  // The node keeps the index remark-citations gave it in its own narrative.
  const targets: Record<number, CitationTarget> = { [c.index]: { id: c.id, citedByHref: null, citedByCount: c.citedBy.length } };
  return {
    id: c.id,
    heading: c.heading,
    who: c.who,
    date: c.date,
    subject: c.subject,
    url: safeUrl(c.url),
    html: trusted(renderMarkdown(tree, String(c.narrative.file.path), targets)),
    citedBy: c.citedBy.map((b) => ({ href: `${root}${b.page}${b.anchor ? `#${b.anchor}` : ''}`, feature: b.featureName, scenario: b.scenarioName, key: b.key })),
  };
}
