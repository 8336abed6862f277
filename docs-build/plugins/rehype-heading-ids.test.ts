import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMarkdown, renderMarkdown } from '../markdown';

const render = (md: string) => {
  const { tree } = parseMarkdown(md, 'x.feature');
  return renderMarkdown(tree, 'x.feature', {});
};

describe('rehype-heading-ids', () => {
  it("should give each heading GitHub's slug, unique within a narrative and afresh in the next", () => {
    const md = '# Soft *lockup*\n\n## Soft lockup\n\n### `umount -l` and `pin_kill()`\n\nText, not a heading.';
    const html = render(md);
    assert.deepEqual(html.match(/<h\d id="[^"]*">/g), ['<h1 id="soft-lockup">', '<h2 id="soft-lockup-1">', '<h3 id="umount--l-and-pin_kill">']);
    assert.match(render(md), /<h1 id="soft-lockup">/, 'the next narrative starts its slugs afresh');
  });
});
