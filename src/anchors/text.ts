/** The text of a block as the matcher compares it. */

/** Unicode NFC, whitespace collapsed, trimmed: the text whose equality means "unchanged". */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Lower-case words (letters and digits), each once: what similarity is measured on. */
export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of words two texts have in common: |A ∩ B| / |A ∪ B| (Jaccard), and |A ∩ B|. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const word of small) if (large.has(word)) shared++;
  return shared;
}
