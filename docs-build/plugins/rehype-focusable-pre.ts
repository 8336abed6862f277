// rehype plugin: code blocks scroll sideways rather than wrap, so a keyboard
// must be able to reach them (axe: scrollable-region-focusable). Runs after
// rehype-sanitize, which would strip the tabindex.

import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export default function rehypeFocusablePre() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'pre') node.properties.tabIndex = 0;
    });
  };
}
