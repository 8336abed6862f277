// The fragments of a run that a site repeats by the thousand (every terminal
// line, every tree figure, every mountinfo table: 8,000 commands today), as
// small typed functions the cell template calls as helpers. A Handlebars
// partial or `{{#each}}` per line allocates its options, frames and helper
// wrappers each time; this is a third of a feature page's rendering. Every
// text goes through Handlebars' own escapeExpression, as `{{x}}` would.

import Handlebars from 'handlebars';
import type { MountinfoView, PictureView, TerminalEntry } from './views';

type Html = Handlebars.SafeString;
const escape = Handlebars.escapeExpression;

/** The terminal: each command as a prompt line with its note, then its output. */
export function terminalHtml(label: string, lines: readonly TerminalEntry[]): Html {
  let out = `<pre class="terminal" tabindex="0" aria-label="Terminal on ${escape(label)}">`;
  for (const l of lines) {
    out += `<b${l.unread ? ' class="unread"' : ''} id="${escape(l.id)}">${escape(l.command)}</b> <i${l.noteClass ? ` class="${escape(l.noteClass)}"` : ''}>[${escape(l.note)}]</i>\n`;
    if (l.stdout) out += `<span class="out">${escape(l.stdout)}</span>`;
    if (l.stderr) out += `<span class="err">${escape(l.stderr)}</span>`;
  }
  return new Handlebars.SafeString(`${out}</pre>`);
}

/** `after # COMMAND` (`: unchanged`), linking to the command's terminal line. */
const caption = (p: { href: string; command: string; unchanged: boolean }) =>
  `<figcaption>after <a href="${escape(p.href)}"><code># ${escape(p.command)}</code></a>${p.unchanged ? ': unchanged' : ''}</figcaption>`;

/** One figure per tree, one a line; assets/mount-tree.js draws each from the page's tree data. */
export function treeFiguresHtml(pictures: readonly PictureView[]): Html {
  return new Handlebars.SafeString(
    pictures
      .map((p) => `<figure class="tree${p.unchanged ? ' unchanged' : ''}" id="${escape(p.id)}">${caption(p)}${p.unchanged ? '' : `<div class="svg-wrap" data-tree="${p.tree}" data-before="${p.before}"></div>`}</figure>`)
      .join('\n'),
  );
}

/** One figure per /proc/self/mountinfo, one a line. */
export function mountinfoFiguresHtml(tables: readonly MountinfoView[]): Html {
  return new Handlebars.SafeString(
    tables.map((m) => `<figure class="mountinfo" id="${escape(m.id)}">${caption(m)}${m.unchanged ? '' : `<pre class="mountinfo-text" tabindex="0">${escape(m.text)}</pre>`}</figure>`).join('\n'),
  );
}
