// transform: the streams of every kernel → one Spec. Scenarios are keyed on
// `uri:line` (runner/verdict.ts), never on message ids; each kernel's verdict
// is runner/verdict.ts's, so the site and `npm test` cannot disagree.

import type * as messages from '@cucumber/messages';
import parseTagExpression from '@cucumber/tag-expressions';
import { appliesTo, verdicts, type ScenarioVerdict } from '../runner/verdict';
import type { Stream } from './load';
import { parseMarkdown } from './markdown';
import type { Cell, Citation, CitedBy, Feature, KernelColumn, Narrative, Scenario, Spec, Step } from './model';
import { dedent, featureNarrative } from './narrative-source';
import { indexStream, type Attempt, type RunIndex } from './query';
import { runInfo } from './run-info';
import { SESSION_MEDIA_TYPE, SessionParser, SessionShapeError, type Session } from './session';
import { slug, Slugger } from './slug';

const LOG_MEDIA_TYPE = 'text/x.cucumber.log+plain';

/** `features/thread/x.feature` → `features/thread/x.html`. */
export function pageOf(uri: string): string {
  const clean = uri.replace(/\\/g, '/').replace(/^(\.\.?\/)+/, '').replace(/\.\.\//g, '');
  return `${clean.replace(/\.feature(\.md)?$/, '')}.html`.replace(/^(?!features\/)/, 'features/');
}

/** The heading of a kernel's column: `live` also shows the release it ran on. */
export function kernelLabel(id: string, description: string | null): string {
  const release = id === 'live' ? /\b\d+\.\d+\S*/.exec(description ?? '')?.[0] : undefined;
  return release ? `${id} ${release}` : id;
}

interface AstScenario {
  readonly scenario: messages.Scenario;
  /** The example row, for a pickle from a Scenario Outline. */
  readonly line: number;
}

/** AST lookups of one Gherkin document: scenarios (and example rows) and steps by id. */
function astIndex(doc: messages.GherkinDocument) {
  const scenarios = new Map<string, AstScenario>();
  const steps = new Map<string, messages.Step>();
  const addSteps = (list: readonly messages.Step[]) => list.forEach((s) => steps.set(s.id, s));
  const addScenario = (s: messages.Scenario) => {
    scenarios.set(s.id, { scenario: s, line: s.location.line });
    for (const ex of s.examples) for (const row of ex.tableBody) scenarios.set(row.id, { scenario: s, line: row.location.line });
    addSteps(s.steps);
  };
  for (const child of doc.feature?.children ?? []) {
    if (child.background) addSteps(child.background.steps);
    if (child.scenario) addScenario(child.scenario);
    for (const ruleChild of child.rule?.children ?? []) {
      if (ruleChild.background) addSteps(ruleChild.background.steps);
      if (ruleChild.scenario) addScenario(ruleChild.scenario);
    }
  }
  return { scenarios, steps };
}

type Ast = ReturnType<typeof astIndex>;

/** Where a pickle came from: its scenario, and the example row if any (verdict.ts's rule). */
function origin(ast: Ast, pickle: messages.Pickle): AstScenario | undefined {
  const ids = pickle.astNodeIds;
  return ast.scenarios.get(ids[ids.length - 1] ?? '') ?? ast.scenarios.get(ids[0] ?? '');
}

function narrative(markdown: string, path: string): Narrative | null {
  if (markdown.trim() === '') return null;
  const { tree, file } = parseMarkdown(markdown, path);
  return { tree, file, citationIds: [] };
}

function decode(attachment: messages.Attachment): string {
  return attachment.contentEncoding === 'BASE64' ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body;
}

/** The session and log attachments of one attempt; a malformed session is a warning with its place. */
function attachmentsOf(sessions: SessionParser, stream: Stream, key: string, attempt: Attempt | undefined, report = true): { session: Session | null; logs: string[] } {
  let session: Session | null = null;
  const logs: string[] = [];
  for (const { attachment, line } of attempt?.attachments ?? []) {
    if (attachment.mediaType === LOG_MEDIA_TYPE) logs.push(decode(attachment));
    if (attachment.mediaType !== SESSION_MEDIA_TYPE) continue;
    try {
      session = sessions.parse(decode(attachment));
    } catch (error) {
      if (!(error instanceof SessionShapeError)) throw error;
      if (report) stream.file.message(`session attachment of ${key} is malformed: ${error.message}`, { place: { line, column: 1 }, ruleId: 'session', source: 'docs-build' });
    }
  }
  return { session, logs };
}

interface PickleRun {
  readonly stream: Stream;
  readonly index: RunIndex;
  readonly pickle: messages.Pickle;
  readonly verdict: ScenarioVerdict;
  readonly ast: Ast;
  readonly line: number;
}

/** The tag expression of the kernel's cucumber profile (`not @model-only` for live), '' when it has none. */
function profileTags(kernel: string): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../cucumber.js') as Record<string, { tags?: string }>)[kernel]?.tags ?? '';
  } catch {
    return '';
  }
}

/**
 * A scenario the stream holds but never started, although the kernel's
 * profile selects it: the run was of part of the spec (a line or a file),
 * so there is no result, which is not the same as "does not apply".
 */
function leftOutOfRun(run: PickleRun, attempt: Attempt | undefined): boolean {
  if (run.verdict.outcome !== 'not applicable' || attempt) return false;
  const tags = run.pickle.tags.map((t) => t.name);
  const expression = profileTags(run.stream.kernel);
  return appliesTo(tags, run.stream.kernel) && (expression === '' || parseTagExpression(expression).evaluate(tags));
}

function cellOf(sessions: SessionParser, run: PickleRun | undefined, kernel: string, key: string, steps: readonly Step[]): Cell {
  if (!run || leftOutOfRun(run, run.index.attempts.get(run.pickle.id))) {
    return { kernel, outcome: 'no result', status: 'UNKNOWN', ok: false, declaredFailing: false, message: null, failedStepLine: null, stepStatuses: steps.map(() => 'UNKNOWN'), session: null, logs: [] };
  }
  // Pickle step ids are this run's own (random per run): go through its steps to their lines.
  const lineOf = new Map(stepsOf(run.pickle, run.ast, run.line).map((s) => [s.id, s.line]));
  const attempt = run.index.attempts.get(run.pickle.id);
  const ran = (attempt?.steps ?? []).flatMap((s) => (s.pickleStepId === null ? [] : [{ line: lineOf.get(s.pickleStepId), status: s.result.status as string }]));
  const statusAt = new Map(ran.map((s) => [s.line, s.status]));
  const { session, logs } = attachmentsOf(sessions, run.stream, key, attempt);
  const v = run.verdict;
  return {
    kernel,
    outcome: v.outcome,
    status: v.status,
    ok: v.ok,
    declaredFailing: v.declaredFailing,
    message: v.message,
    failedStepLine: ran.find((s) => s.status === 'FAILED')?.line ?? null,
    stepStatuses: steps.map((s) => statusAt.get(s.line) ?? 'UNKNOWN'),
    session,
    logs,
  };
}

function stepsOf(pickle: messages.Pickle, ast: Ast, scenarioLine: number): (Step & { id: string })[] {
  return pickle.steps.map((ps) => {
    const node = ast.steps.get(ps.astNodeIds[0] ?? '');
    const line = node?.location.line ?? 0;
    return {
      id: ps.id,
      anchor: `L${scenarioLine}-L${line}`,
      line,
      keyword: node?.keyword.trim() ?? '',
      text: ps.text,
      docString: ps.argument?.docString?.content ?? null,
      dataTable: ps.argument?.dataTable?.rows.map((r) => r.cells.map((c) => c.value)) ?? null,
    };
  });
}

/** What a quote is about: where it is first quoted, and its opening words. */
export function citationHeading(where: string, quote: string): string {
  const words = quote.replace(/\s+/g, ' ').trim().split(' ');
  return `${where}: “${words.slice(0, 9).join(' ')}${words.length > 9 ? ' …' : ''}”`;
}

/**
 * Gives every citation a global id, one per distinct passage (quote and
 * attribution), in order of first appearance, and records who cites it.
 */
function collectCitations(features: readonly Feature[]): { citations: Citation[]; ids: Map<Narrative, string[]> } {
  const byPassage = new Map<string, { citation: Omit<Citation, 'citedBy'>; citedBy: Map<string, CitedBy> }>();
  const ids = new Map<Narrative, string[]>();
  const slugger = new Slugger();
  const cite = (n: Narrative, citedBy: readonly CitedBy[], where: string) => {
    ids.set(n, (n.file.data.citations ?? []).map((mark, index) => {
      const passage = `${mark.quote}\n${mark.attribution}`;
      let entry = byPassage.get(passage);
      if (!entry) {
        const id = slugger.unique(`cite-${slug(mark.quote, 6)}`);
        entry = { citation: { id, heading: citationHeading(where, mark.quote), who: mark.who, date: mark.date, subject: mark.subject, url: mark.url, narrative: n, index }, citedBy: new Map() };
        byPassage.set(passage, entry);
      }
      for (const c of citedBy) entry.citedBy.set(c.key, c);
      return entry.citation.id;
    }));
  };
  for (const feature of features) {
    const refs = feature.scenarios.map((s): CitedBy => ({ featureName: feature.name, page: feature.page, anchor: s.anchor, scenarioName: s.name, key: s.key }));
    if (feature.narrative) cite(feature.narrative, refs.length ? refs : [{ featureName: feature.name, page: feature.page, anchor: null, scenarioName: null, key: feature.uri }], feature.name);
    feature.scenarios.forEach((s, i) => s.description && cite(s.description, [refs[i]!], `${feature.name} › ${s.name}`));
  }
  return { citations: [...byPassage.values()].map(({ citation, citedBy }) => ({ ...citation, citedBy: [...citedBy.values()] })), ids };
}

/** The features with every narrative's citation ids filled in. */
function withCitationIds(features: readonly Feature[], ids: ReadonlyMap<Narrative, string[]>): Feature[] {
  const fill = (n: Narrative | null): Narrative | null => (n ? { ...n, citationIds: ids.get(n) ?? [] } : null);
  return features.map((f) => {
    const featureIds = f.narrative ? (ids.get(f.narrative) ?? []) : [];
    return {
      ...f,
      narrative: fill(f.narrative),
      scenarios: f.scenarios.map((s) => ({ ...s, description: fill(s.description), citations: [...new Set([...featureIds, ...(s.description ? (ids.get(s.description) ?? []) : [])])] })),
    };
  });
}

interface Run {
  readonly stream: Stream;
  readonly index: RunIndex;
  readonly byKey: ReadonlyMap<string, ScenarioVerdict>;
  readonly asts: ReadonlyMap<string, Ast>;
}

function featureOf(uri: string, runs: readonly Run[], sessions: SessionParser): Feature {
  const first = runs.find((r) => r.index.documents.has(uri))!;
  const feature = first.index.documents.get(uri)?.feature;
  const source = first.index.sources.get(uri);
  for (const r of runs) {
    const other = r.index.sources.get(uri);
    if (other && source && other.data !== source.data) {
      r.stream.file.message(`${uri} differs from the one in ${first.stream.file.path}: the site shows that one`, { ruleId: 'source-drift', source: 'docs-build' });
    }
  }
  // key → kernel → run, and the first run's pickle for the scenario's text.
  const perKey = new Map<string, Map<string, PickleRun>>();
  const shown = new Map<string, { pickle: messages.Pickle; ast: Ast; at: AstScenario }>();
  for (const r of runs) {
    const ast = r.asts.get(uri);
    if (!ast) continue;
    for (const pickle of r.index.pickles) {
      const at = pickle.uri === uri ? origin(ast, pickle) : undefined;
      const verdict = at && r.byKey.get(`${uri}:${at.line}`);
      if (!at || !verdict) continue;
      const kernels = perKey.get(verdict.key) ?? new Map<string, PickleRun>();
      perKey.set(verdict.key, kernels.set(r.stream.kernel, { stream: r.stream, index: r.index, pickle, verdict, ast, line: at.line }));
      if (!shown.has(verdict.key)) shown.set(verdict.key, { pickle, ast, at });
    }
  }
  const scenarios = [...shown.entries()]
    .sort(([, a], [, b]) => a.at.line - b.at.line)
    .map(([key, { pickle, ast, at }]): Scenario => {
      const steps = stepsOf(pickle, ast, at.line);
      return {
        key,
        uri,
        line: at.line,
        anchor: `L${at.line}`,
        keyword: at.scenario.keyword.trim(),
        name: pickle.name,
        tags: pickle.tags.map((t) => t.name),
        description: narrative(dedent(at.scenario.description ?? ''), `${uri}:${at.line}`),
        steps: steps.map(({ id: _id, ...step }) => step),
        cells: runs.map((r) => cellOf(sessions, perKey.get(key)?.get(r.stream.kernel), r.stream.kernel, key, steps)),
        citations: [],
      };
    });
  return {
    uri,
    page: pageOf(uri),
    keyword: feature?.keyword.trim() ?? 'Feature',
    name: feature?.name ?? uri,
    tags: feature?.tags.map((t) => t.name) ?? [],
    narrative: feature ? narrative(featureNarrative(feature, source), uri) : null,
    scenarios,
  };
}

export function transform(streams: readonly Stream[]): Spec {
  // One per build: the same run on several kernels is parsed once (session.ts).
  const sessions = new SessionParser();
  const runs: Run[] = streams.map((stream) => {
    const index = indexStream(stream);
    const byKey = new Map(verdicts(stream.envelopes, stream.kernel).map((v) => [v.key, v]));
    const asts = new Map([...index.documents].map(([uri, doc]) => [uri, astIndex(doc)]));
    return { stream, index, byKey, asts };
  });
  const kernels = runs.map(({ stream, index }): KernelColumn => {
    let description: string | null = null;
    for (const pickle of index.pickles) {
      description ??= attachmentsOf(sessions, stream, '', index.attempts.get(pickle.id), false).session?.description ?? null;
    }
    return { id: stream.kernel, label: kernelLabel(stream.kernel, description), description };
  });
  const uris = [...new Set(runs.flatMap((r) => [...r.index.documents.keys()]))].sort();
  const features = uris.map((uri) => featureOf(uri, runs, sessions));
  const { citations, ids } = collectCitations(features);
  return { run: runInfo(streams, null), kernels, features: withCitationIds(features, ids), citations };
}
