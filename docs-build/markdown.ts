// Narrative Markdown: parse (remark, GFM, raw HTML as text, citations) and
// render (remark-rehype → rehype-sanitize → citation figures → heading slugs
// → HTML). Sanitize runs after the last untrusted step; only our own plugins
// run after it (rehype-sanitize README, living-docs pitfall 16).

import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeCitationFigures, { type CitationTarget } from './plugins/rehype-citation-figures';
import rehypeFocusablePre from './plugins/rehype-focusable-pre';
import rehypeHeadingIds from './plugins/rehype-heading-ids';
import remarkCitations from './plugins/remark-citations';
import remarkRawHtmlAsText from './plugins/remark-raw-html-as-text';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkRawHtmlAsText).use(remarkCitations).freeze();

// remark-rehype already prefixes footnote ids, so no second prefix
// (`clobberPrefix: ''`); the only attribute added is our citation marker.
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: { ...defaultSchema.attributes, blockquote: [...(defaultSchema.attributes?.blockquote ?? []), 'dataCitation'] },
};

const renderer = unified().use(remarkRehype).use(rehypeSanitize, schema).use(rehypeCitationFigures).use(rehypeFocusablePre).use(rehypeHeadingIds).use(rehypeStringify).freeze();

/** Parses Markdown; `path` names it in diagnostics (`features/x.feature`). */
export function parseMarkdown(markdown: string, path: string): { tree: Root; file: VFile } {
  const file = new VFile({ path, value: markdown });
  const tree = parser.runSync(parser.parse(file), file) as Root;
  return { tree, file };
}

/** Renders a parsed tree to sanitized HTML; `targets` places its citations. */
export function renderMarkdown(tree: Root, path: string, targets: Readonly<Record<number, CitationTarget>>): string {
  const file = new VFile({ path });
  file.data.citationTargets = targets;
  // runSync mutates nothing of `tree` we keep: remark-rehype builds a new tree.
  const hast = renderer.runSync(tree, file) as HastRoot;
  return renderer.stringify(hast, file);
}
