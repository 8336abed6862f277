// Every transcript the spec runs: the docstrings of its "When the shell
// session runs:" steps, with their feature file and line numbers.

import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseTranscript } from '../engine/transcript/parse';
import type { TranscriptLine } from '../engine/transcript/types';

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

export function featureTranscripts(root: string, options: { skipTag?: string } = {}): FeatureTranscript[] {
  const out: FeatureTranscript[] = [];
  for (const path of featureFiles(join(root, 'features'))) {
    const uri = relative(root, path);
    const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher());
    const doc = parser.parse(readFileSync(path, 'utf8'));
    const featureTags = doc.feature?.tags.map((t) => t.name) ?? [];
    for (const child of doc.feature?.children ?? []) {
      const scenario = child.scenario;
      if (!scenario) continue;
      const tags = [...featureTags, ...scenario.tags.map((t) => t.name)];
      if (options.skipTag && tags.includes(options.skipTag)) continue;
      for (const step of scenario.steps) {
        if (!step.docString || step.text !== 'the shell session runs:') continue;
        out.push({ name: `${uri}:${scenario.location.line} ${scenario.name}`, lines: parseTranscript(step.docString.content, uri, step.docString.location.line + 1) });
      }
    }
  }
  return out;
}
