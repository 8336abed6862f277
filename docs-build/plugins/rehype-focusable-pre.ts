// rehype plugin: code blocks scroll sideways rather than wrap, so a keyboard
// must be able to reach them (axe: scrollable-region-focusable). Runs after
// rehype-sanitize, which would strip the tabindex.

import type { Root } from 'hast';
import { eachElement } from './each-element';

export default function rehypeFocusablePre() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      if (node.tagName === 'pre') node.properties.tabIndex = 0;
    });
  };
}
