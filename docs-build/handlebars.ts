// The one place that sets Handlebars up: an isolated instance (no global
// helpers or partials leak in or out), every partial in templates/partials
// registered by file name, a few helpers, and pages compiled with
// `strict: true` so a missing field is an error, not an empty string.
// `{{x}}` escapes; the templates never use `{{{x}}}`: HTML that is already
// safe (sanitized narrative, our SVG) arrives as a SafeString from views.ts,
// and a run's terminal and figures from run-html.ts's helpers, which escape
// every text as `{{x}}` does.

import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mountinfoFiguresHtml, terminalHtml, treeFiguresHtml } from './run-html';
import type { MountinfoView, PictureView, TerminalEntry } from './views';

export type PageName = 'index' | 'feature' | 'citations' | 'report';

export interface Templates {
  render(page: PageName, context: object): string;
}

const TEMPLATES = path.join(__dirname, 'templates');

/** The templates' own indentation, which is for their readers, not the pages' (no template line is inside a <pre>). */
const unindent = (source: string) => source.replace(/^[ \t]+/gm, '');

export function loadTemplates(dir: string = TEMPLATES): Templates {
  const hbs = Handlebars.create();
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('plural', (n: unknown, word: unknown) => `${String(n)} ${String(word)}${n === 1 ? '' : 's'}`);
  hbs.registerHelper('nonEmpty', (list: unknown) => Array.isArray(list) && list.length > 0);
  // A run's repeated fragments (run-html.ts): `{{terminalHtml label lines}}`, `{{treeFigures pictures}}`, `{{mountinfoFigures tables}}`.
  hbs.registerHelper('terminalHtml', (label: string, lines: readonly TerminalEntry[]) => terminalHtml(label, lines));
  hbs.registerHelper('treeFigures', (pictures: readonly PictureView[]) => treeFiguresHtml(pictures));
  hbs.registerHelper('mountinfoFigures', (tables: readonly MountinfoView[]) => mountinfoFiguresHtml(tables));
  const partials = path.join(dir, 'partials');
  for (const name of readdirSync(partials).filter((n) => n.endsWith('.hbs')).sort()) {
    hbs.registerPartial(name.slice(0, -4), unindent(readFileSync(path.join(partials, name), 'utf8')));
  }
  const compiled = new Map<PageName, Handlebars.TemplateDelegate>();
  return {
    render(page, context) {
      let template = compiled.get(page);
      if (!template) {
        template = hbs.compile(unindent(readFileSync(path.join(dir, `${page}.hbs`), 'utf8')), { strict: true, preventIndent: true });
        compiled.set(page, template);
      }
      return template(context);
    },
  };
}
