// Every transcript the spec runs: the docstrings of its "When the shell
// session runs:" steps, with their feature file and line numbers.

import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseTranscript } from '../engine/transcript/parse';
import { DialectError, type TranscriptLine } from '../engine/transcript/types';

export interface FeatureTranscript {
  /** `features/x.feature:12 scenario name` */
  readonly name: string;
  readonly lines: TranscriptLine[];
}

function featureFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return featureFiles(path);
      return entry.endsWith('.feature') ? [path] : [];
    });
}

/** `paths`: feature files or directories instead of features/ (run-spec's MOUNTSPEC_FEATURES). */
export function featureTranscripts(root: string, options: { skipTag?: string; paths?: readonly string[] | undefined } = {}): FeatureTranscript[] {
  const out: FeatureTranscript[] = [];
  const files = (options.paths ?? [join(root, 'features')]).flatMap((p) => {
    const path = resolve(root, p);
    return statSync(path).isDirectory() ? featureFiles(path) : [path];
  });
  for (const path of files) {
    const uri = relative(root, path);
    const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher());
    let doc: ReturnType<typeof parser.parse>;
    try {
      doc = parser.parse(readFileSync(path, 'utf8'));
    } catch {
      continue; // a malformed feature: cucumber reports it with its line
    }
    const featureTags = doc.feature?.tags.map((t) => t.name) ?? [];
    for (const child of doc.feature?.children ?? []) {
      const scenario = child.scenario;
      if (!scenario) continue;
      const tags = [...featureTags, ...scenario.tags.map((t) => t.name)];
      if (options.skipTag && tags.includes(options.skipTag)) continue;
      for (const step of scenario.steps) {
        if (!step.docString || step.text !== 'the shell session runs:') continue;
        let lines: TranscriptLine[];
        try {
          lines = parseTranscript(step.docString.content, uri, step.docString.location.line + 1);
        } catch (error) {
          if (error instanceof DialectError) continue; // the scenario's own run reports it
          throw error;
        }
        out.push({ name: `${uri}:${scenario.location.line} ${scenario.name}`, lines });
      }
    }
  }
  return out;
}
