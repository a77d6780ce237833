/**
 * Chromium names every named destination, and every structure element ID that a table's
 * `/Headers` refer to, after the DOM node it stands for: `(node00003622)`, the renderer's
 * DOMNodeId. That number comes from one counter for the whole renderer process, and some nodes
 * get theirs from work that depends on timing (paint and load bookkeeping before the print), so
 * two prints of the same page number the same nodes from a start that differs by a few: every
 * name shifts by the same offset, and the file differs in a few hundred bytes although nothing
 * else changed.
 *
 * Renumbering the names by rank (the smallest becomes `node00000001`, the next `node00000002`,
 * …) removes that offset. The new names have the same length and the same order as the old
 * ones, so they are written in place: no byte offset moves, and the name trees stay sorted.
 */
export function renumberNodeNames(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const pattern = /\(node(\d+)\)/g;
  const found = new Map<string, number>();
  for (const match of text.matchAll(pattern)) found.set(match[1]!, Number(match[1]));
  if (found.size === 0) return bytes;
  const digits = [...found.keys()];
  // Different widths would sort differently as text than as numbers: leave such a file alone.
  if (digits.some((d) => d.length !== digits[0]!.length)) return bytes;
  const ranked = [...found].sort((a, b) => a[1] - b[1]);
  const renamed = new Map(
    ranked.map(([old], index) => [old, String(index + 1).padStart(old.length, '0')]),
  );
  if (ranked.every(([old]) => renamed.get(old) === old)) return bytes;
  const out = Buffer.from(bytes);
  for (const match of text.matchAll(pattern)) {
    out.write(renamed.get(match[1]!)!, match.index + '(node'.length, 'latin1');
  }
  return out;
}
