import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Handlebars from 'handlebars';
import { loadTemplates } from './handlebars';
import { tempDir } from './test/temp';

function templates(page: string, partials: Record<string, string> = {}) {
  const dir = tempDir('hbs');
  mkdirSync(path.join(dir, 'partials'));
  writeFileSync(path.join(dir, 'index.hbs'), page);
  for (const [name, text] of Object.entries(partials)) writeFileSync(path.join(dir, 'partials', `${name}.hbs`), text);
  return loadTemplates(dir);
}

describe('handlebars', () => {
  it('should escape text by default', () => {
    const out = templates('<p title="{{t}}">{{t}}</p>').render('index', { t: `<script>"'&\`=` });
    assert.equal(out, '<p title="&lt;script&gt;&quot;&#x27;&amp;&#x60;&#x3D;">&lt;script&gt;&quot;&#x27;&amp;&#x60;&#x3D;</p>');
  });

  it('should pass SafeStrings (sanitized HTML, our SVG) through', () => {
    assert.equal(templates('{{h}}').render('index', { h: new Handlebars.SafeString('<svg></svg>') }), '<svg></svg>');
  });

  it('should fail on a missing field (strict)', () => {
    assert.throws(() => templates('{{page.title}}').render('index', { page: {} }), /"title" not defined/);
  });

  it('should register partials from the partials folder on an isolated instance', () => {
    const t = templates('{{> greet name=n}}', { greet: 'hi {{name}}' });
    assert.equal(t.render('index', { n: '<b>' }), 'hi &lt;b&gt;');
    assert.equal(Handlebars.partials.greet, undefined);
  });

  it('should have our helpers', () => {
    assert.equal(templates('{{plural 1 "scenario"}}, {{plural 2 "scenario"}}, {{#if (eq a "x")}}eq{{/if}}, {{#if (nonEmpty l)}}some{{/if}}').render('index', { a: 'x', l: [1] }), '1 scenario, 2 scenarios, eq, some');
  });

  it('should compile a folder once while its files stay the same, and again when one changes', () => {
    const dir = tempDir('hbs');
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'index.hbs'), '{{> p}}');
    writeFileSync(path.join(dir, 'partials', 'p.hbs'), 'one');
    const first = loadTemplates(dir);
    assert.equal(first.render('index', {}), 'one');
    assert.equal(loadTemplates(dir), first);
    writeFileSync(path.join(dir, 'partials', 'p.hbs'), 'two');
    assert.equal(loadTemplates(dir).render('index', {}), 'two');
    writeFileSync(path.join(dir, 'index.hbs'), '{{> p}}!');
    assert.equal(loadTemplates(dir).render('index', {}), 'two!');
  });
});
