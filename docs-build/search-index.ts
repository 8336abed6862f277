// The site's full-text search: one entry per scenario with everything a
// reader may look for — the feature's and the scenario's narrative, the
// steps, every kernel's commands, output, errno names and kernel log — each
// distinct line once. Written as a script (`search-index.js`) so that it
// loads from file:// too, and only when a reader starts searching.

import { toString } from 'mdast-util-to-string';
import type { Spec } from './model';
import type { CommandRun } from './session';
import { errnoOf } from './stories';

export interface SearchEntry {
  /** The page and anchor, from the site root: `features/thread/x.html#L41`. */
  readonly href: string;
  /** `Feature › scenario`. */
  readonly title: string;
  readonly key: string;
  /** The searchable text: distinct lines, in reading order. */
  readonly text: string;
}

export function searchEntries(spec: Spec): SearchEntry[] {
  return spec.features.flatMap((f) => {
    // The feature's narrative is an entry of its own: said once, not once per scenario.
    const narrative: SearchEntry[] = f.narrative ? [{ href: f.page, title: f.name, key: f.uri, text: toString(f.narrative.tree) }] : [];
    return narrative.concat(f.scenarios.map((s) => {
      const lines = new Set<string>();
      const add = (text: string) => {
        for (let at = 0; at <= text.length; ) {
          let end = text.indexOf('\n', at);
          if (end === -1) end = text.length;
          const line = text.slice(at, end).trim();
          if (line) lines.add(line);
          at = end + 1;
        }
      };
      add(s.name);
      if (s.description) add(toString(s.description.tree));
      for (const step of s.steps) add(`${step.keyword.trim()} ${step.text}${step.docString ? `\n${step.docString}` : ''}`);
      // A run alike on several kernels is one parsed run (session.ts): its lines are in already.
      const runs = new Set<readonly CommandRun[]>();
      for (const c of s.cells) {
        const results = c.session?.results ?? [];
        if (!runs.has(results)) {
          runs.add(results);
          for (const r of results) {
            add(`# ${r.command}`);
            add(r.stdout);
            add(r.stderr);
            for (const k of r.kernel) add(k);
            const errno = errnoOf(r.stderr);
            if (errno) add(`${errno} (${r.command})`);
          }
        }
        if (c.message) add(c.message);
      }
      return { href: `${f.page}#${s.anchor}`, title: `${f.name} › ${s.name}`, key: s.key, text: [...lines].join('\n') };
    }));
  });
}

/** The index as a script that hands it to site.js; `</script` cannot end it early. */
export function searchIndexScript(spec: Spec): string {
  const data = JSON.stringify(searchEntries(spec).map((e) => [e.href, e.title, e.key, e.text])).replace(/</g, '\\u003c');
  return `// mountspec site: the search index (generated)\nwindow.mountspecSearch = ${data};\n`;
}
