// The one place that sets Handlebars up: an isolated instance (no global
// helpers or partials leak in or out), every partial in templates/partials
// registered by file name, a few helpers, and pages compiled with
// `strict: true` so a missing field is an error, not an empty string.
// `{{x}}` escapes; the templates never use `{{{x}}}`: HTML that is already
// safe (sanitized narrative, our SVG) arrives as a SafeString from views.ts,
// and a run and its badge from run-html.ts's helpers, which escape every
// text as `{{x}}` does.

import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutcomeView } from './outcomes';
import type { StoryPart } from './stories';
import { badgeHtml, cellHtml, matrixCellsHtml, storyLineHtml } from './run-html';
import type { CellView, MatrixRow } from './views';

export type PageName = 'index' | 'feature' | 'citations' | 'report';

export interface Templates {
  render(page: PageName, context: object): string;
}

const TEMPLATES = path.join(__dirname, 'templates');

/** The templates' own indentation, which is for their readers, not the pages' (no template line is inside a <pre>). */
const unindent = (source: string) => source.replace(/^[ \t]+/gm, '');

/** What loadTemplates read from a folder: partials and pages by name, unindented. */
function readSources(dir: string) {
  const read = (folder: string) =>
    readdirSync(folder)
      .filter((n) => n.endsWith('.hbs'))
      .sort()
      .map((n) => [n.slice(0, -4), unindent(readFileSync(path.join(folder, n), 'utf8'))] as const);
  return { partials: read(path.join(dir, 'partials')), pages: new Map<string, string>(read(dir)) };
}

function compileTemplates(sources: ReturnType<typeof readSources>): Templates {
  const hbs = Handlebars.create();
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('plural', (n: unknown, word: unknown) => `${String(n)} ${String(word)}${n === 1 ? '' : 's'}`);
  hbs.registerHelper('nonEmpty', (list: unknown) => Array.isArray(list) && list.length > 0);
  // What a site repeats a thousand times (run-html.ts): a run, its badge, a matrix row's cells.
  hbs.registerHelper('cellHtml', (cell: CellView) => cellHtml(cell));
  hbs.registerHelper('matrixCells', (cells: MatrixRow['cells']) => matrixCellsHtml(cells));
  hbs.registerHelper('badge', (outcome: OutcomeView, ok: boolean) => new Handlebars.SafeString(badgeHtml(outcome, ok)));
  hbs.registerHelper('storyLine', (parts: readonly StoryPart[]) => storyLineHtml(parts));
  for (const [name, source] of sources.partials) hbs.registerPartial(name, source);
  const compiled = new Map<PageName, Handlebars.TemplateDelegate>();
  return {
    render(page, context) {
      let template = compiled.get(page);
      if (!template) {
        const source = sources.pages.get(page);
        if (source === undefined) throw new Error(`no template ${page}.hbs`);
        template = hbs.compile(source, { strict: true, preventIndent: true });
        compiled.set(page, template);
      }
      return template(context);
    },
  };
}

/**
 * The last templates compiled from each folder, with their sources: a
 * process that builds more than once (the bench, the tests) reads the files
 * again but compiles them (about 15 ms, and cold code after) only when one
 * changed.
 */
const loaded = new Map<string, { readonly key: string; readonly templates: Templates }>();

export function loadTemplates(dir: string = TEMPLATES): Templates {
  const sources = readSources(dir);
  const key = JSON.stringify([sources.partials, [...sources.pages]]);
  const known = loaded.get(path.resolve(dir));
  if (known?.key === key) return known.templates;
  const templates = compileTemplates(sources);
  loaded.set(path.resolve(dir), { key, templates });
  return templates;
}
