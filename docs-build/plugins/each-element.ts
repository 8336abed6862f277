// Every element of a hast tree, for our rehype plugins: a plain recursive
// walk. unist-util-visit makes a closure per node and names it
// (Object.defineProperty), which allocated 12 MB a site build and cost half
// the narratives' rendering; these plugins need no more than this.

import type { Element, Root } from 'hast';

/**
 * Calls `enter` on each element, parents before children, with its index in
 * its parent; then walks that element's children as they are after the call
 * (as unist-util-visit does: a replacement put in `parent.children[index]` is
 * not walked, the replaced element's children are).
 */
export function eachElement(parent: Root | Element, enter: (node: Element, index: number, parent: Root | Element) => void): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'element') continue;
    enter(node, i, parent);
    eachElement(node, enter);
  }
}
