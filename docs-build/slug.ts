// Readable, stable anchors: lower-case words joined by hyphens, made unique
// in order of appearance (so the same input always gives the same ids).

export function slug(text: string, maxWords = 8): string {
  const words = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  return words.slice(0, maxWords).join('-') || 'x';
}

export class Slugger {
  private readonly seen = new Map<string, number>();
  unique(base: string): string {
    const n = this.seen.get(base) ?? 0;
    this.seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n + 1}`;
  }
}
