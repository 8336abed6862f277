// remark plugin: finds the thread's citations in a narrative. A citation is a
// blockquote whose last paragraph is the attribution, `— Who, 20 Oct 2018,
// [Subject](archive URL)`. Each is recorded on `file.data.citations` and its
// blockquote marked (`data-citation=N`) for rehype-citation-figures.

import type { Blockquote, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface CitationMark {
  /** Who said (or wrote) it: the attribution up to the date. */
  readonly who: string;
  readonly date: string | null;
  /** The text of the attribution's link (the message subject) and its URL. */
  readonly subject: string | null;
  readonly url: string | null;
  /** The quoted text, whitespace collapsed (to tell passages apart). */
  readonly quote: string;
  /** The whole attribution as text. */
  readonly attribution: string;
  /** The blockquote itself, to render the passage again on the citations page. */
  readonly node: Blockquote;
}

declare module 'vfile' {
  interface DataMap {
    citations: CitationMark[];
  }
}

const DASH = /^\s*[—–]\s*/;
const DATE = /\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\b/;

/** The attribution paragraph, when the blockquote ends with one. */
function attributionOf(node: Blockquote): Paragraph | null {
  const last = node.children[node.children.length - 1];
  if (last?.type !== 'paragraph' || node.children.length < 2) return null;
  const first = last.children[0];
  return first?.type === 'text' && DASH.test(first.value) ? last : null;
}

export function parseAttribution(paragraph: Paragraph): Omit<CitationMark, 'quote' | 'node'> {
  const attribution = toString(paragraph).replace(DASH, '').replace(/\s+/g, ' ').trim();
  const date = DATE.exec(attribution);
  let link: { subject: string; url: string } | null = null;
  visit(paragraph, 'link', (l) => {
    link ??= { subject: toString(l), url: l.url };
  });
  const who = (date ? attribution.slice(0, date.index) : attribution.split(',')[0] ?? attribution).replace(/[,\s]+$/, '');
  const found = link as { subject: string; url: string } | null;
  return { who, date: date?.[0] ?? null, subject: found?.subject ?? null, url: found?.url ?? null, attribution };
}

/** An archive URL that searches rather than names a message (`?q=…`): shown as a search, never passed off as the message. */
export function isArchiveSearch(url: string): boolean {
  return /[?&](q|query|search)=/.test(url);
}

export default function remarkCitations() {
  return (tree: Root, file: VFile) => {
    const marks: CitationMark[] = [];
    visit(tree, 'blockquote', (node: Blockquote) => {
      const paragraph = attributionOf(node);
      if (!paragraph) return;
      const quoted = node.children.slice(0, -1);
      const quote = quoted.map((c) => toString(c)).join(' ').replace(/\s+/g, ' ').trim();
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataCitation: marks.length } };
      marks.push({ ...parseAttribution(paragraph), quote, node: structuredClone(node) });
    });
    file.data.citations = marks;
  };
}
