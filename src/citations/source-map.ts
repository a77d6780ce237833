import type { Point } from 'unist';

/** Where each character of a text node came from in the Markdown source. */
export interface TextSourceMap {
  /** Source offset of each character of the value (plus one entry for the end). */
  offsets: number[];
  /** Characters the author escaped (`\@`, `\[`) or wrote as a character reference (`&#64;`). */
  literal: Set<number>;
}

/**
 * Map a text node's value back to its Markdown source. remark resolves escapes and character
 * references and drops container prefixes (`> `, list indentation) from text values, so the
 * value and the source differ; this walks both side by side. Characters that cannot be matched
 * fall back to the nearest known offset (good enough for a diagnostic's column).
 *
 * @param value the text node's value.
 * @param source the whole Markdown source of the chapter.
 * @param start the node's start offset in `source`.
 * @param end the node's end offset in `source`.
 */
export function mapTextToSource(
  value: string,
  source: string,
  start: number,
  end: number,
): TextSourceMap {
  const raw = source.slice(start, end);
  const offsets: number[] = new Array(value.length + 1);
  const literal = new Set<number>();
  if (raw === value) {
    for (let index = 0; index <= value.length; index++) offsets[index] = start + index;
    return { offsets, literal };
  }
  let at = 0;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    // After a line break, skip what remark stripped: indentation and blockquote markers.
    if (index > 0 && value[index - 1] === '\n') {
      while (at < raw.length && raw[at] !== char && /[ \t>]/.test(raw[at]!)) at += 1;
    }
    if (raw[at] === char) {
      offsets[index] = start + at;
      at += 1;
    } else if (raw[at] === '\\' && raw[at + 1] === char) {
      offsets[index] = start + at;
      literal.add(index);
      at += 2;
    } else if (raw[at] === '&') {
      const semicolon = raw.indexOf(';', at);
      offsets[index] = start + at;
      literal.add(index);
      at = semicolon === -1 || semicolon - at > 32 ? at + 1 : semicolon + 1;
    } else {
      offsets[index] = start + Math.min(at, raw.length);
    }
  }
  offsets[value.length] = start + Math.min(at, raw.length);
  return { offsets, literal };
}

/** Line starts of a text, to turn offsets into points. */
export class LineIndex {
  readonly #starts: number[] = [0];

  /** @param text the text whose offsets will be turned into points. */
  constructor(text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
      this.#starts.push(index + 1);
  }

  /** Offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const start = this.#starts[Math.min(Math.max(line, 1), this.#starts.length) - 1]!;
    return start + column - 1;
  }

  /** 1-based line and column of an offset. */
  point(offset: number): Point {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.#starts[low]! + 1, offset };
  }
}
