/**
 * Find Pandoc citations in a run of inline text. The text is "flat": every inline node that is
 * not plain text (emphasis, code, a link…) stands as one {@link OBJECT} character, so a
 * citation may hold formatted prefixes (`[see *this* @key]`) but never a key inside code.
 */

/** Stands for an inline node that is not text. */
export const OBJECT = '\uFFFC';

/** A cite item found by the scanner, as index ranges into the flat text. */
export interface ScannedItem {
  key: string;
  /** Index of `@` (or of `-` in `-@key`) and the index after the key. */
  keyStart: number;
  keyEnd: number;
  suppressAuthor: boolean;
  prefix: [number, number];
  suffix: [number, number];
}

/** A citation found by the scanner. */
export interface ScannedCitation {
  mode: 'normal' | 'narrative';
  start: number;
  end: number;
  items: ScannedItem[];
}

/**
 * A key: `@{anything but braces}` or a letter, digit or `_` followed by those and internal
 * punctuation `:.#$%&-+?<>~/` (punctuation must be followed by a key character, so a trailing
 * `.` or `,` ends the key, as in Pandoc).
 */
const keyPattern =
  /@(?:\{([^{}\s][^{}]*)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*))/uy;
const wordChar = /[\p{L}\p{N}_]/u;

/**
 * Scan flat text for citations: bracketed `[see @a, p. 3; @b]` and `[-@a]`, and narrative `@a`
 * or `@a [p. 3]`. A bracket is a citation only if every `;`-separated part has a key; otherwise
 * its keys are read as narrative citations. An `@` after a letter or digit (an e-mail address)
 * or one the author escaped (`\@`) is text.
 *
 * @param text flat text (see {@link OBJECT}).
 * @param literal whether the character at an index was escaped in the source (default: none).
 */
export function scanCitations(
  text: string,
  literal: (index: number) => boolean = () => false,
): ScannedCitation[] {
  const found: ScannedCitation[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '[' && !literal(index)) {
      const close = matchingBracket(text, index, literal);
      const items = close === -1 ? undefined : bracketItems(text, index + 1, close, literal);
      if (items) {
        found.push({ mode: 'normal', start: index, end: close + 1, items });
        index = close + 1;
        continue;
      }
    } else if (char === '@' && !literal(index) && !wordChar.test(text[index - 1] ?? '')) {
      const key = readKey(text, index);
      if (key) {
        const citation: ScannedCitation = {
          mode: 'narrative',
          start: index,
          end: key.end,
          items: [
            {
              key: key.key,
              keyStart: index,
              keyEnd: key.end,
              suppressAuthor: false,
              prefix: [index, index],
              suffix: [key.end, key.end],
            },
          ],
        };
        // `@key [p. 4]`: a bracket right after the key (one space allowed) without keys of its own.
        const open =
          text[key.end] === '['
            ? key.end
            : text[key.end] === ' ' && text[key.end + 1] === '['
              ? key.end + 1
              : -1;
        if (open !== -1 && !literal(open)) {
          const close = matchingBracket(text, open, literal);
          if (close !== -1 && !hasKey(text, open + 1, close, literal)) {
            citation.items[0]!.suffix = [open + 1, close];
            citation.end = close + 1;
          }
        }
        found.push(citation);
        index = citation.end;
        continue;
      }
    }
    index += 1;
  }
  return found;
}

/** Read `@key` at `index` (which holds `@`). */
function readKey(text: string, index: number): { key: string; end: number } | undefined {
  keyPattern.lastIndex = index;
  const match = keyPattern.exec(text);
  if (!match) return undefined;
  return { key: (match[1] ?? match[2])!.trim(), end: index + match[0].length };
}

/** Index of the `]` closing the `[` at `open` (brackets nest), or -1. */
function matchingBracket(text: string, open: number, literal: (index: number) => boolean): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if ((char !== '[' && char !== ']') || literal(index)) continue;
    depth += char === '[' ? 1 : -1;
    if (depth === 0) return index;
  }
  return -1;
}

/** Whether `[start, end)` holds a citation key where a cite item could start. */
function hasKey(
  text: string,
  start: number,
  end: number,
  literal: (index: number) => boolean,
): boolean {
  return findKey(text, start, end, literal) !== undefined;
}

/** The first `@key` in `[start, end)` preceded by a space, the start, or `-` (suppress author). */
function findKey(text: string, start: number, end: number, literal: (index: number) => boolean) {
  for (let index = start; index < end; index++) {
    if (text[index] !== '@' || literal(index)) continue;
    const before = index === start ? ' ' : text[index - 1]!;
    const suppress = before === '-' && (index - 1 === start || /\s/.test(text[index - 2]!));
    if (!suppress && !/\s/.test(before)) continue;
    const key = readKey(text, index);
    if (!key || key.end > end) continue;
    return { ...key, at: suppress ? index - 1 : index, suppress };
  }
  return undefined;
}

/** The items of a bracketed citation, or undefined when a `;`-part has no key. */
function bracketItems(
  text: string,
  start: number,
  end: number,
  literal: (index: number) => boolean,
): ScannedItem[] | undefined {
  const parts: [number, number][] = [];
  let partStart = start;
  let depth = 0;
  for (let index = start; index < end; index++) {
    const char = text[index];
    if (literal(index)) continue;
    if (char === '[') depth += 1;
    else if (char === ']') depth -= 1;
    else if (char === ';' && depth === 0) {
      parts.push([partStart, index]);
      partStart = index + 1;
    }
  }
  parts.push([partStart, end]);
  const items: ScannedItem[] = [];
  for (const [from, to] of parts) {
    const key = findKey(text, from, to, literal);
    if (!key) return undefined;
    items.push({
      key: key.key,
      keyStart: key.at,
      keyEnd: key.end,
      suppressAuthor: key.suppress,
      prefix: trimRange(text, from, key.at),
      suffix: trimRange(text, key.end, to, true),
    });
  }
  return items;
}

/** Shrink a range to leave out surrounding spaces (only trailing ones for a suffix). */
function trimRange(
  text: string,
  start: number,
  end: number,
  keepLeading = false,
): [number, number] {
  while (!keepLeading && start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return [start, end];
}
