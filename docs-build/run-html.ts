// A run as the pages show it, and the fragments a site repeats by the
// thousand (1,255 runs, 8,000 commands today: every badge, terminal line,
// tree figure and mountinfo table), as small typed functions the templates
// call as helpers. A Handlebars partial, `{{#if}}` or `{{#each}}` allocates
// its options, frames and helper wrappers each time it runs; these were two
// thirds of a feature page's rendering. Every text goes through Handlebars'
// own escapeExpression, as `{{x}}` would: transcripts are untrusted.

import Handlebars from 'handlebars';
import type { OutcomeView } from './outcomes';
import type { StoryPart } from './stories';
import type { CellView, MatrixRow, MountinfoView, PictureView, TerminalEntry } from './views';

type Html = Handlebars.SafeString;
const escape = Handlebars.escapeExpression;

/** The terminal: each command as a prompt line (`<cell id>-L<line>`) with its note, then its output. */
export function terminalHtml(cellId: string, label: string, lines: readonly TerminalEntry[]): Html {
  const id = escape(cellId);
  let out = `<pre class="terminal" tabindex="0" aria-label="Terminal on ${escape(label)}">`;
  for (const l of lines) {
    out += `<b${l.unread ? ' class="unread"' : ''} id="${id}-L${l.line}">${escape(l.command)}</b> <i${l.noteClass ? ` class="${escape(l.noteClass)}"` : ''}>[${escape(l.note)}]</i>\n`;
    if (l.stdout) out += `<span class="out">${escape(l.stdout)}</span>`;
    if (l.stderr) out += `<span class="err">${escape(l.stderr)}</span>`;
  }
  return new Handlebars.SafeString(`${out}</pre>`);
}

/** `after # COMMAND` (`: unchanged`), linking to the command's terminal line. */
const caption = (id: string, p: { line: number; command: string; unchanged: boolean }) =>
  `<figcaption>after <a href="#${id}-L${p.line}"><code># ${escape(p.command)}</code></a>${p.unchanged ? ': unchanged' : ''}</figcaption>`;

/** One figure per tree (`<cell id>-L<line>-tree`), one a line; assets/mount-tree.js draws each from the page's tree data. */
export function treeFiguresHtml(cellId: string, pictures: readonly PictureView[]): Html {
  const id = escape(cellId);
  return new Handlebars.SafeString(
    pictures
      .map((p) => `<figure class="tree${p.unchanged ? ' unchanged' : ''}" id="${id}-L${p.line}-tree">${caption(id, p)}${p.unchanged ? '' : `<div class="svg-wrap" data-tree="${p.tree}" data-before="${p.before}"></div>`}</figure>`)
      .join('\n'),
  );
}

/** One figure per /proc/self/mountinfo (`<cell id>-L<line>-mountinfo`), one a line. */
export function mountinfoFiguresHtml(cellId: string, tables: readonly MountinfoView[]): Html {
  const id = escape(cellId);
  return new Handlebars.SafeString(
    tables.map((m) => `<figure class="mountinfo" id="${id}-L${m.line}-mountinfo">${caption(id, m)}${m.unchanged ? '' : `<pre class="mountinfo-text" tabindex="0">${escape(m.text)}</pre>`}</figure>`).join('\n'),
  );
}

/** An outcome's badge (glyph and label, so status never rests on colour alone), and a mark when it is not as the spec claims. */
export function badgeHtml(outcome: OutcomeView, ok: boolean): string {
  return `<span class="badge o-${escape(outcome.slug)}">${escape(outcome.glyph)} ${escape(outcome.label)}</span>${ok ? '' : ' <span class="claim" title="not as the spec claims">not as claimed</span>'}`;
}

const MODELLED_NOTE =
  '<p class="modelled">Written by the model in the form the kernel prints it, not captured from a kernel. <span class="invented">Marked</span> parts (CPU number, seconds, command and PID) are placeholders the model makes up.</p>\n';

/** The failing step and its message, the run's logs, and where its parts are shown when another kernel ran them alike. */
function notes(c: CellView, h: (text: string) => string): string {
  let out = c.explanation ? `<p class="explain">${escape(c.explanation)}</p>\n` : '\n';
  if (c.message) {
    const step = c.failedStep ? `<p><a href="${escape(c.failedStep.href)}">${escape(c.failedStep.text)}</a></p>` : '';
    out += `<div class="failure">\n${h('The failing step')}${step}\n<pre class="message" tabindex="0">${escape(c.message)}</pre>\n</div>\n`;
  }
  out += `${c.logs.map((l) => `<p class="log">${escape(l)}</p>`).join('')}\n`;
  out += `${c.sameAs.map((s) => `<p class="same">${escape(s.what)}: as on <a href="${escape(s.href)}">${escape(s.label)}</a>, shown there.</p>`).join('')}\n`;
  out += `${c.alsoOn.map((a) => `<p class="same">${escape(a.what)}: the same on ${escape(a.labels)}, shown here once.</p>`).join('')}\n`;
  return out;
}

/** What the run did: its terminal, kernel log, mount trees (or mountinfo tables), each under its heading when there is one. */
function record(c: CellView, h: (text: string) => string): string {
  let out = '';
  if (c.terminal.length) out += `${h('Terminal')}${terminalHtml(c.id, c.label, c.terminal).toString()}\n`;
  if (c.kernelLog.length) {
    out += c.modelled ? `${h('Kernel log, modelled')}${MODELLED_NOTE}` : h('Kernel log, captured');
    for (const k of c.kernelLog) {
      out += `<p class="log-cause">after <a href="#${escape(c.id)}-L${k.line}"><code># ${escape(k.command)}</code></a>:</p>\n<pre class="kernel-log${c.modelled ? ' modelled' : ''}" tabindex="0">${k.html.toString()}</pre>\n`;
    }
  }
  if (c.pictures.length) out += `${h('The mount tree after each command')}<div class="strip">\n${treeFiguresHtml(c.id, c.pictures).toString()}\n</div>\n`;
  if (c.mountinfo.length) out += `${h('/proc/self/mountinfo after each command')}<div class="strip">\n${mountinfoFiguresHtml(c.id, c.mountinfo).toString()}\n</div>\n`;
  return out;
}

/** One kernel's run of a scenario: a `<details>` open when it failed or is not as claimed. */
export function cellHtml(c: CellView): Html {
  const h = (text: string) => `<h${c.headingLevel}>${text}</h${c.headingLevel}>\n`;
  const attributes = `id="${escape(c.id)}" data-kernel="${escape(c.kernel)}" data-outcome="${escape(c.outcome.slug)}"${c.ok ? '' : ' data-ok="false"'}${c.open ? ' open' : ''}`;
  return new Handlebars.SafeString(
    `<details class="run" ${attributes}>\n<summary><span class="kernel">${escape(c.label)}</span> ${badgeHtml(c.outcome, c.ok)}\n</summary>\n<div class="run-body">\n` +
      notes(c, h) +
      record(c, h) +
      // Its Reproduce line is assets/site.js's, made from the scenario's key and the kernel.
      '</div>\n</details>',
  );
}

/** A matrix row's cells, one a line: each run's outcome, a link to it where there is one. */
export function matrixCellsHtml(cells: MatrixRow['cells']): Html {
  return new Handlebars.SafeString(
    cells
      .map((c) => {
        const text = `${escape(c.outcome.glyph)} ${escape(c.outcome.label)}`;
        return `<td class="o-${escape(c.outcome.slug)}"${c.ok ? '' : ' data-ok="false"'}>${c.href ? `<a href="${escape(c.href)}">${text}</a>` : text}${c.ok ? '' : ' <span class="claim">not as claimed</span>'}</td>`;
      })
      .join('\n'),
  );
}

/** A story's line (stories.ts): its prose, and the commands it names as code. */
export function storyLineHtml(parts: readonly StoryPart[]): Html {
  return new Handlebars.SafeString(parts.map((p) => (typeof p === 'string' ? escape(p) : `<code>${escape(p.command)}</code>`)).join(''));
}
