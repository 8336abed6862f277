// The README's list of the dialect's commands, generated from the one
// registry of programs and the table of builtins, so the docs cannot drift.
// `node --require ts-node/register/transpile-only engine/shell/dialect-docs.ts`
// rewrites the block in README.md; a unit test checks it is current.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTINS } from './builtins';
import { PROGRAMS } from './registry';

export const README = join(__dirname, '..', '..', 'README.md');
const BEGIN = '<!-- dialect:begin: generated from engine/shell/registry.ts and builtins.ts by engine/shell/dialect-docs.ts -->';
const END = '<!-- dialect:end -->';

/** The Markdown list: each program's forms and what it does, then the builtins. */
export function dialectList(): string {
  const code = (forms: readonly string[]) => forms.map((f) => `\`${f}\``).join(', ');
  const programs = [...PROGRAMS.values()].map((p) => `- ${code(p.usage)}: ${p.summary}`);
  const builtins = `- the builtins ${code([...BUILTINS.values()].flatMap((b) => b.usage))}`;
  return [...programs, builtins].join('\n');
}

/** README text with the generated block replaced. */
export function withDialectList(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${BEGIN}" ... "${END}" block`);
  return `${readme.slice(0, start)}${BEGIN}\n${dialectList()}\n${readme.slice(end)}`;
}

if (require.main === module) writeFileSync(README, withDialectList(readFileSync(README, 'utf8')));
