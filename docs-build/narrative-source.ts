// The Markdown narrative of a feature or scenario. Gherkin keeps a
// description's lines with their indentation, which Markdown would read as
// code past four spaces, so it is dedented. Markdown-with-Gherkin
// (`.feature.md`) drops free prose from the AST, so for those the prose is
// taken from the source text instead.

import type * as messages from '@cucumber/messages';

/** Removes the indentation every non-blank line shares. */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length ? Math.min(...indents) : 0;
  const out = lines.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)?.[0].length ?? 0)));
  while (out.length && out[0]?.trim() === '') out.shift();
  while (out.length && out[out.length - 1]?.trim() === '') out.pop();
  return out.join('\n');
}

const MDG = 'text/x.cucumber.gherkin+markdown';

/** The prose of a Markdown-with-Gherkin file: what precedes its first scenario, rule or background heading, less the feature heading. */
function markdownFeatureProse(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const end = lines.findIndex((l) => /^#{2,}\s*(Scenario|Scenario Outline|Example|Rule|Background)\b/.test(l));
  return lines
    .slice(0, end === -1 ? lines.length : end)
    .filter((l) => !/^#\s*Feature:/.test(l))
    .join('\n')
    .trim();
}

export function featureNarrative(feature: messages.Feature, source: messages.Source | undefined): string {
  const description = dedent(feature.description ?? '');
  if (description === '' && source?.mediaType === MDG) return markdownFeatureProse(source.data);
  return description;
}
