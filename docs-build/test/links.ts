// A link checker for a rendered site held in memory: every relative href
// must name a file of the site, and every #fragment an id in that file.

import path from 'node:path';

export function brokenLinks(files: ReadonlyMap<string, string>): string[] {
  const ids = new Map<string, Set<string>>();
  for (const [file, text] of files) ids.set(file, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '')));
  const broken: string[] = [];
  for (const [file, text] of files) {
    if (!file.endsWith('.html')) continue;
    for (const [, raw = ''] of text.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const href = raw.replace(/&#x26;|&amp;/g, '&');
      if (/^(https?:|mailto:|data:)/.test(href)) continue;
      const [target = '', fragment] = href.split('#');
      const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
      if (!files.has(resolved)) broken.push(`${file}: ${href} (no ${resolved})`);
      else if (fragment !== undefined && fragment !== '' && !ids.get(resolved)?.has(decodeURIComponent(fragment))) broken.push(`${file}: ${href} (no id ${fragment} in ${resolved})`);
    }
  }
  return broken;
}
