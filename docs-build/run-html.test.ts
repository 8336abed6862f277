import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Handlebars from 'handlebars';
import { badgeHtml, cellHtml, matrixCellsHtml, mountinfoFiguresHtml, storyLineHtml, terminalHtml, treeFiguresHtml } from './run-html';
import type { CellView, TerminalEntry } from './views';

const HOSTILE = `</pre><script>alert("x")</script>&'=`;
const ESCAPED = '&lt;/pre&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;&#x3D;';
const line = (extra: Partial<TerminalEntry> = {}): TerminalEntry => ({ line: 5, command: 'ls', stdout: '', stderr: '', note: 'exit 0', noteClass: '', unread: false, ...extra });

describe('run-html', () => {
  it('should write each command as a prompt line, its note classed only when not exit 0, then its output', () => {
    const html = terminalHtml('L4-v12', 'v12', [line({ stdout: 'a\n' }), line({ line: 6, command: 'false', note: 'exit 1', noteClass: 'note-error', stderr: 'no\n' }), line({ line: 7, unread: true })]).toString();
    assert.equal(
      html,
      '<pre class="terminal" tabindex="0" aria-label="Terminal on v12">' +
        '<b id="L4-v12-L5">ls</b> <i>[exit 0]</i>\n<span class="out">a\n</span>' +
        '<b id="L4-v12-L6">false</b> <i class="note-error">[exit 1]</i>\n<span class="err">no\n</span>' +
        '<b class="unread" id="L4-v12-L7">ls</b> <i>[exit 0]</i>\n</pre>',
    );
  });

  it('should escape every text of a run: transcripts are untrusted', () => {
    const terminal = terminalHtml(HOSTILE, HOSTILE, [line({ command: HOSTILE, stdout: HOSTILE, stderr: HOSTILE, note: HOSTILE })]).toString();
    assert.equal(terminal.split(ESCAPED).length - 1, 6);
    assert.ok(!terminal.includes('<script>'));
    const trees = treeFiguresHtml(HOSTILE, [{ line: 5, command: HOSTILE, note: '', tree: 0, before: -1, unchanged: false }]).toString();
    const tables = mountinfoFiguresHtml(HOSTILE, [{ line: 5, command: HOSTILE, note: '', text: HOSTILE, unchanged: false }]).toString();
    for (const html of [trees, tables]) assert.ok(html.includes(ESCAPED) && !html.includes('<script>'), html);
  });

  it('should put one figure a line, an unchanged one without its drawing', () => {
    const html = treeFiguresHtml('L4-v12', [
      { line: 5, command: 'mount', note: '', tree: 0, before: -1, unchanged: false },
      { line: 6, command: 'ls', note: '', tree: 0, before: 0, unchanged: true },
    ]).toString();
    assert.equal(
      html,
      '<figure class="tree" id="L4-v12-L5-tree"><figcaption>after <a href="#L4-v12-L5"><code># mount</code></a></figcaption><div class="svg-wrap" data-tree="0" data-before="-1"></div></figure>\n' +
        '<figure class="tree unchanged" id="L4-v12-L6-tree"><figcaption>after <a href="#L4-v12-L6"><code># ls</code></a>: unchanged</figcaption></figure>',
    );
  });

  it('should say an outcome by glyph and label, and mark one not as claimed', () => {
    assert.equal(badgeHtml({ slug: 'passed', glyph: '✓', label: 'passed' }, true), '<span class="badge o-passed">✓ passed</span>');
    assert.equal(
      badgeHtml({ slug: 'failed-undeclared', glyph: '✗!', label: 'failed undeclared' }, false),
      '<span class="badge o-failed-undeclared">✗! failed undeclared</span> <span class="claim" title="not as the spec claims">not as claimed</span>',
    );
  });

  const cell = (extra: Partial<CellView> = {}): CellView => ({
    id: 'L4-v12', kernel: 'v12', label: 'v12', outcome: { slug: 'passed', glyph: '✓', label: 'passed' }, ok: true, open: false, explanation: null, message: null, failedStep: null,
    logs: [], terminal: [], kernelLog: [], modelled: true, pictures: [], mountinfo: [], sameAs: [], alsoOn: [], headingLevel: 3, ...extra,
  });

  it('should show a passed run closed, with only what it has', () => {
    assert.equal(
      cellHtml(cell({ sameAs: [{ what: 'Terminal', label: 'mainline', href: '#L4-mainline' }] })).toString(),
      '<details class="run" id="L4-v12" data-kernel="v12" data-outcome="passed">\n<summary><span class="kernel">v12</span> <span class="badge o-passed">✓ passed</span>\n</summary>\n<div class="run-body">\n\n\n' +
        '<p class="same">Terminal: as on <a href="#L4-mainline">mainline</a>, shown there.</p>\n\n' +
        '</div>\n</details>',
    );
  });

  it('should open a failed run with its step and message, under headings of the level asked, and escape all its text', () => {
    const html = cellHtml(cell({
      ok: false, open: true, headingLevel: 4, explanation: HOSTILE, message: HOSTILE, failedStep: { href: '#L4-L6', text: HOSTILE }, logs: [HOSTILE],
      terminal: [line({ command: HOSTILE })], kernelLog: [{ line: 5, command: HOSTILE, html: new Handlebars.SafeString('<span class="invented">CPU#0</span>'), text: 'CPU#0' }],
    })).toString();
    assert.match(html, /^<details class="run" id="L4-v12" data-kernel="v12" data-outcome="passed" data-ok="false" open>/);
    assert.equal(html.split(ESCAPED).length - 1, 6);
    assert.ok(!html.includes('<script>'));
    assert.deepEqual(html.match(/<h\d>[^<]*/g), ['<h4>The failing step', '<h4>Terminal', '<h4>Kernel log, modelled']);
    assert.match(html, /<pre class="kernel-log modelled" tabindex="0"><span class="invented">CPU#0<\/span><\/pre>/);
  });

  it("should write a matrix row's cells one a line, linked where a link is given, marked where not as claimed", () => {
    const html = matrixCellsHtml([
      { kernel: 'v12', label: 'v12', href: 'x.html#L4-v12', outcome: { slug: 'failed-as-declared', glyph: '✗', label: 'failed as declared' }, ok: true },
      { kernel: 'live', label: 'live', href: null, outcome: { slug: 'passed-though-declared-failing', glyph: '✓!', label: HOSTILE }, ok: false },
    ]).toString();
    assert.equal(
      html,
      '<td class="o-failed-as-declared"><a href="x.html#L4-v12">✗ failed as declared</a></td>\n' +
        `<td class="o-passed-though-declared-failing" data-ok="false">✓! ${ESCAPED} <span class="claim">not as claimed</span></td>`,
    );
  });

  it("should write a story's commands as code and its prose as text, both escaped", () => {
    assert.equal(storyLineHtml([{ command: HOSTILE }, ` fails: ${HOSTILE}`]).toString(), `<code>${ESCAPED}</code> fails: ${ESCAPED}`);
  });
});
