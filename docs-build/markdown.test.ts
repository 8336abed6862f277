import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMarkdown, renderMarkdown } from './markdown';
import { dedent } from './narrative-source';

const render = (md: string, targets = {}) => {
  const { tree, file } = parseMarkdown(md, 'x.feature');
  return { html: renderMarkdown(tree, 'x.feature', targets), file };
};

const CITED = '> Quoted *text*.\n>\n> — Al Viro, 21 Oct 2018, [Re: [PATCH] x](https://lore.kernel.org/lkml/1)';

describe('markdown', () => {
  it('should show raw HTML as text, inline and as a block', () => {
    const { html } = render('Before <script>alert(1)</script> after.\n\n<div onclick="x()">block</div>');
    assert.ok(!html.includes('<script'), html);
    assert.ok(!html.includes('<div'), html);
    assert.match(html, /&#x3C;script>alert\(1\)&#x3C;\/script>/);
    assert.match(html, /<p>&#x3C;div onclick="x\(\)">block&#x3C;\/div><\/p>/);
  });

  it('should drop javascript: links but keep their text', () => {
    const { html } = render('[click](javascript:alert(1)) and [ok](https://example.org/)');
    assert.ok(!/javascript:/i.test(html), html);
    assert.match(html, /<a href="https:\/\/example.org\/">ok<\/a>/);
  });

  it('should render GFM tables and give headings ids', () => {
    const { html } = render('## A heading\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    assert.match(html, /<h2 id="a-heading">A heading<\/h2>/);
    assert.match(html, /<table>/);
  });

  it('should record a citation with its author, date, subject and link', () => {
    const { file } = render(CITED);
    const [mark] = file.data.citations ?? [];
    assert.deepEqual([mark?.who, mark?.date, mark?.subject, mark?.url, mark?.quote], ['Al Viro', '21 Oct 2018', 'Re: [PATCH] x', 'https://lore.kernel.org/lkml/1', 'Quoted text.']);
  });

  it('should leave a blockquote without an attribution a plain quote', () => {
    const { html, file } = render('> Just a quote.\n>\n> Still the quote.');
    assert.deepEqual(file.data.citations, []);
    assert.match(html, /^<blockquote>/);
  });

  it('should render a citation as a figure with its anchor, caption, permalink and cited-by link', () => {
    const { html } = render(CITED, { 0: { id: 'cite-quoted-text', citedByHref: '../citations.html#cite-quoted-text', citedByCount: 2 } });
    assert.match(html, /^<figure class="citation" id="cite-quoted-text"><blockquote>\n<p>Quoted <em>text<\/em>.<\/p>/);
    assert.match(html, /<figcaption>— Al Viro, 21 Oct 2018, <a href="https:\/\/lore.kernel.org\/lkml\/1">Re: \[PATCH\] x<\/a> <a class="permalink" href="#cite-quoted-text"/);
    assert.match(html, /<a class="cited-by" href="..\/citations.html#cite-quoted-text">cited by 2 scenarios<\/a><\/figcaption><\/figure>/);
    assert.ok(!html.includes('data-citation'), html);
  });

  it('should say so when a citation links an archive search rather than the message', () => {
    const { html } = render(CITED.replace('https://lore.kernel.org/lkml/1', 'https://lore.kernel.org/lkml/?q=s%3Ax'), { 0: { id: 'cite-quoted-text', citedByHref: null, citedByCount: 1 } });
    assert.match(html, /Re: \[PATCH\] x<\/a> \(an archive search: no direct link to the message is known\) <a class="permalink"/);
    const direct = render(CITED, { 0: { id: 'cite-quoted-text', citedByHref: null, citedByCount: 1 } }).html;
    assert.ok(!direct.includes('archive search'), 'a link to the message itself is not called a search');
  });

  it('should let the keyboard reach code blocks, which scroll', () => {
    assert.match(render('```\nlong line\n```').html, /^<pre tabindex="0"><code>long line\n<\/code><\/pre>/);
  });

  it('should dedent Gherkin description lines so Markdown does not read them as code', () => {
    assert.equal(dedent('\n    > quote\n    >\n      indented more\n\n'), '> quote\n>\n  indented more');
  });
});
