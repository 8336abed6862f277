// rehype plugin, run after rehype-sanitize (so what it adds is trusted): turns
// each blockquote that remark-citations marked into a figure with an anchor of
// its own, the attribution as its caption, a permalink, and a link to the
// citations page entry that lists every scenario citing the passage.

import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { eachElement } from './each-element';
import { isArchiveSearch } from './remark-citations';
import type { VFile } from 'vfile';

export interface CitationTarget {
  /** The anchor, `cite-…`. */
  readonly id: string;
  /** Where "cited by" points (the citations page entry), or null on that page itself. */
  readonly citedByHref: string | null;
  readonly citedByCount: number;
}

declare module 'vfile' {
  interface DataMap {
    /** By the `data-citation` index remark-citations gave each blockquote. */
    citationTargets: Readonly<Record<number, CitationTarget>>;
  }
}

const DASH = /^\s*[—–]\s*/;

function caption(attribution: Element | undefined, target: CitationTarget): Element {
  const children: ElementContent[] = attribution ? [...attribution.children] : [];
  const first = children[0];
  if (first?.type === 'text') children[0] = { ...first, value: first.value.replace(DASH, '— ') };
  // A link that only searches the archive says so after its text (the subject reads like the message's own link).
  for (let i = children.length - 1; i >= 0; i--) {
    const c = children[i]!;
    if (c.type === 'element' && c.tagName === 'a' && isArchiveSearch(String(c.properties.href ?? ''))) children.splice(i + 1, 0, { type: 'text', value: ' (an archive search: no direct link to the message is known)' });
  }
  const scenarios = `cited by ${target.citedByCount} scenario${target.citedByCount === 1 ? '' : 's'}`;
  return h('figcaption', [
    ...children,
    ' ',
    h('a.permalink', { href: `#${target.id}`, ariaLabel: 'Permalink to this citation' }, '¶'),
    ...(target.citedByHref ? [' · ', h('a.cited-by', { href: target.citedByHref }, scenarios)] : []),
  ]);
}

export default function rehypeCitationFigures() {
  return (tree: Root, file: VFile) => {
    const targets = file.data.citationTargets ?? {};
    eachElement(tree, (node, index, parent) => {
      if (node.tagName !== 'blockquote' || node.properties.dataCitation === undefined) return;
      const target = targets[Number(node.properties.dataCitation)];
      delete node.properties.dataCitation;
      if (!target) return;
      const paragraphs = node.children.filter((c): c is Element => c.type === 'element');
      const attribution = paragraphs[paragraphs.length - 1];
      const quote = node.children.filter((c) => c !== attribution);
      parent.children[index] = h('figure.citation', { id: target.id }, [h('blockquote', quote), caption(attribution, target)]);
    });
  };
}
