import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mountinfoFiguresHtml, terminalHtml, treeFiguresHtml } from './run-html';
import type { TerminalEntry } from './views';

const HOSTILE = `</pre><script>alert("x")</script>&'=`;
const ESCAPED = '&lt;/pre&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;&#x3D;';
const line = (extra: Partial<TerminalEntry> = {}): TerminalEntry => ({ id: 'L4-v12-L5', command: 'ls', stdout: '', stderr: '', note: 'exit 0', noteClass: '', unread: false, ...extra });

describe('run-html', () => {
  it('should write each command as a prompt line, its note classed only when not exit 0, then its output', () => {
    const html = terminalHtml('v12', [line({ stdout: 'a\n' }), line({ id: 'L4-v12-L6', command: 'false', note: 'exit 1', noteClass: 'note-error', stderr: 'no\n' }), line({ id: 'L4-v12-L7', unread: true })]).toString();
    assert.equal(
      html,
      '<pre class="terminal" tabindex="0" aria-label="Terminal on v12">' +
        '<b id="L4-v12-L5">ls</b> <i>[exit 0]</i>\n<span class="out">a\n</span>' +
        '<b id="L4-v12-L6">false</b> <i class="note-error">[exit 1]</i>\n<span class="err">no\n</span>' +
        '<b class="unread" id="L4-v12-L7">ls</b> <i>[exit 0]</i>\n</pre>',
    );
  });

  it('should escape every text of a run: transcripts are untrusted', () => {
    const terminal = terminalHtml(HOSTILE, [line({ command: HOSTILE, stdout: HOSTILE, stderr: HOSTILE, note: HOSTILE })]).toString();
    assert.equal(terminal.split(ESCAPED).length - 1, 5);
    assert.ok(!terminal.includes('<script>'));
    const trees = treeFiguresHtml([{ id: 'x', href: '#x', command: HOSTILE, note: '', tree: 0, before: -1, unchanged: false }]).toString();
    const tables = mountinfoFiguresHtml([{ id: 'x', href: '#x', command: HOSTILE, note: '', text: HOSTILE, unchanged: false }]).toString();
    for (const html of [trees, tables]) assert.ok(html.includes(ESCAPED) && !html.includes('<script>'), html);
  });

  it('should put one figure a line, an unchanged one without its drawing', () => {
    const html = treeFiguresHtml([
      { id: 'a', href: '#a', command: 'mount', note: '', tree: 0, before: -1, unchanged: false },
      { id: 'b', href: '#b', command: 'ls', note: '', tree: 0, before: 0, unchanged: true },
    ]).toString();
    assert.equal(
      html,
      '<figure class="tree" id="a"><figcaption>after <a href="#a"><code># mount</code></a></figcaption><div class="svg-wrap" data-tree="0" data-before="-1"></div></figure>\n' +
        '<figure class="tree unchanged" id="b"><figcaption>after <a href="#b"><code># ls</code></a>: unchanged</figcaption></figure>',
    );
  });
});
