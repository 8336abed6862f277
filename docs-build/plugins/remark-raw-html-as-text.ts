// remark plugin: raw HTML in a narrative is shown as the text it is. The spec
// is prose about kernels, not a web page: `<script>` in a feature file must
// read as `<script>`, neither run nor silently vanish (remark-rehype's default
// drops raw HTML; rehype-sanitize would too).

import type { Html, Paragraph, Parent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

export default function remarkRawHtmlAsText() {
  return (tree: Root) => {
    visit(tree, 'html', (node: Html, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      const text: Text = { type: 'text', value: node.value, ...(node.position ? { position: node.position } : {}) };
      const replacement: Text | Paragraph = BLOCK_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text] } : text;
      parent.children.splice(index, 1, replacement as never);
    });
  };
}
