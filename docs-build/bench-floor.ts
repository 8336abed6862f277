// The bench's lower bound of a site build: the work any build of this site
// must do, done as cheaply as it can be done, and nothing else. It reads
// every stream, JSON.parses only the messages a build reads (each distinct
// session run once, as a build that shares runs between kernels would),
// parses every narrative as the build does (markdown.ts: remark, GFM, the
// citation marks), and writes the site's bytes.
// It renders nothing, checks nothing, joins nothing: a real build also
// computes verdicts, views, pages and a search index. So no build can be
// faster, and html-formatter's time over this one's is the most any build
// can gain on html-formatter (docs-build/bench.ts prints both).

import type * as messages from '@cucumber/messages';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eachLine } from './load';
import { parseMarkdown } from './markdown';
import { dedent, featureNarrative } from './narrative-source';

/** The envelopes a build reads from every stream; a gherkin document and its source, from one stream only. */
const READ = ['{"meta"', '{"testRunStarted"', '{"pickle"', '{"testCase"', '{"testCaseStarted"', '{"testStepFinished"', '{"testCaseFinished"', '{"testRunFinished"'];
const READ_ONCE = ['{"source"', '{"gherkinDocument"'];
const ATTACHMENT = '{"attachment"';
/** Where a session body's run begins in the raw line (docs-build/session.ts RUN_KEY, escaped). */
const RUN_KEY = ',\\"lines\\":';
/** What follows an attachment's body (cucumber writes `body` first); inside the body every quote is escaped. */
const BODY_END = '","contentEncoding":';

const startsWithAny = (text: string, heads: readonly string[]) => heads.some((h) => text.startsWith(h));

/** The narratives' Markdown, from the gherkin documents and sources of one stream. */
function narratives(envelopes: readonly messages.Envelope[]): string[] {
  const sources = new Map(envelopes.flatMap((e) => (e.source ? [[e.source.uri, e.source] as const] : [])));
  return envelopes.flatMap((e) => {
    const feature = e.gherkinDocument?.feature;
    if (!feature) return [];
    const scenarios = feature.children.flatMap((c) => [c.scenario, ...(c.rule?.children ?? []).map((r) => r.scenario)]);
    return [featureNarrative(feature, sources.get(e.gherkinDocument?.uri ?? '')), ...scenarios.map((s) => dedent(s?.description ?? ''))].filter((t) => t.trim() !== '');
  });
}

/** Does the lower bound's work on `streams` (NDJSON paths) and writes `site` (path → bytes) under `out`. */
export function lowerBoundBuild(streams: readonly string[], site: ReadonlyMap<string, string>, out: string): void {
  const runs = new Set<string>();
  const once: messages.Envelope[] = [];
  streams.forEach((file, index) => {
    const bytes = readFileSync(file);
    eachLine(bytes, (start, end) => {
      const head = bytes.toString('latin1', start, Math.min(end, start + 24));
      if (startsWithAny(head, READ)) JSON.parse(bytes.toString('utf8', start, end));
      else if (index === 0 && startsWithAny(head, READ_ONCE)) once.push(JSON.parse(bytes.toString('utf8', start, end)) as messages.Envelope);
      else if (head.startsWith(ATTACHMENT)) {
        const line = bytes.toString('utf8', start, end);
        // The run's text as it stands in the line: after the body's head, up to the body's end.
        const from = line.indexOf(RUN_KEY);
        const to = line.lastIndexOf(BODY_END);
        const run = from === -1 || to < from ? line : line.slice(from, to);
        if (!runs.has(run)) {
          runs.add(run);
          JSON.parse((JSON.parse(line) as messages.Envelope).attachment?.body ?? 'null');
        }
      }
    });
  });
  for (const markdown of narratives(once)) parseMarkdown(markdown, 'narrative');
  rmSync(out, { recursive: true, force: true });
  for (const [file, text] of site) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), text);
  }
}
