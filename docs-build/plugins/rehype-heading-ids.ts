// rehype plugin: an id on each heading of a narrative that has none, the slug
// GitHub would give it (what rehype-slug does, with the same libraries), found
// with our plain walk: rehype-slug's unist-util-visit made a named closure per
// node, a third of a narrative's rendering.

import GithubSlugger from 'github-slugger';
import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { eachElement } from './each-element';

const slugs = new GithubSlugger();

export default function rehypeHeadingIds() {
  return (tree: Root) => {
    slugs.reset(); // slugs are unique within one narrative, as rehype-slug makes them
    eachElement(tree, (node) => {
      if (headingRank(node) && !node.properties.id) node.properties.id = slugs.slug(toString(node));
    });
  };
}
