import type { RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import { parseLocator } from './locators.ts';
import { OBJECT, type ScannedCitation } from './scan-citations.ts';
import type { TextSourceMap } from './source-map.ts';
import type { Citation, CiteItem } from './types.ts';

/** One child of the parent, flattened: its text (or {@link OBJECT}) and where it came from. */
export interface Piece {
  node: RootContent;
  /** Index in the flat text where this child starts. */
  start: number;
  map?: TextSourceMap;
}

/** The source offset just after flat index `end - 1`. */
export function endOffset(
  pieces: Piece[],
  end: number,
  offsetOf: (index: number) => number | undefined,
): number | undefined {
  const piece = pieceAt(pieces, end - 1);
  if (!piece) return undefined;
  if (piece.node.type !== 'text') return piece.node.position?.end.offset;
  return piece.map?.offsets[end - piece.start] ?? offsetOf(end - 1);
}

/** The child holding flat index `index` (binary search). */
export function pieceAt(pieces: Piece[], index: number): Piece | undefined {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (pieces[middle]!.start <= index) low = middle;
    else high = middle - 1;
  }
  return pieces[low];
}

/** The children covering flat range `[start, end)`: whole nodes, and text nodes cut to size. */
export function slice(
  pieces: Piece[],
  flat: string,
  start: number,
  end: number,
  positionOf: (start: number, end: number) => Position | undefined,
): RootContent[] {
  const out: RootContent[] = [];
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    const pieceEnd = index + 1 < pieces.length ? pieces[index + 1]!.start : flat.length;
    if (pieceEnd <= start || piece.start >= end) continue;
    if (piece.node.type !== 'text') {
      out.push(piece.node);
      continue;
    }
    const from = Math.max(start, piece.start);
    const to = Math.min(end, pieceEnd);
    if (from === piece.start && to === pieceEnd) {
      out.push(piece.node);
      continue;
    }
    const text: Text = { type: 'text', value: flat.slice(from, to) };
    const position = positionOf(from, to);
    if (position) text.position = position;
    out.push(text);
  }
  return out;
}

/**
 * A citation node for a scanned citation: cite items with positions, locators read, prefixes
 * and suffixes in micro-HTML; `source` is the Markdown it was written as.
 */
export function makeCitation(
  scanned: ScannedCitation,
  pieces: Piece[],
  flat: string,
  position: Position | undefined,
  positionOf: (start: number, end: number) => Position | undefined,
  source: string,
): Citation {
  const items = scanned.items.map((item): CiteItem => {
    const suffixText = flat.slice(item.suffix[0], item.suffix[1]);
    // A locator is read only from plain text right after the key.
    const locatorText = suffixText.split(OBJECT)[0]!;
    const parsed = parseLocator(locatorText);
    const restStart =
      item.suffix[1] - (suffixText.length - locatorText.length) - parsed.rest.length;
    const cite: CiteItem = {
      key: item.key,
      suppressAuthor: item.suppressAuthor,
      prefix: microHtml(pieces, flat, item.prefix[0], item.prefix[1]),
      suffix: microHtml(pieces, flat, restStart, item.suffix[1]),
    };
    const keyPosition = positionOf(item.keyStart, item.keyEnd);
    if (keyPosition) cite.position = keyPosition;
    if (parsed.locator) {
      cite.locator = parsed.locator;
      cite.label = parsed.label;
    }
    return cite;
  });
  const citation: Citation = { type: 'citation', mode: scanned.mode, items, source, children: [] };
  if (position) citation.position = position;
  pending(citation);
  return citation;
}

/**
 * Give a citation its fallback rendering: the text as written, marked unresolved. The document
 * pass replaces it with the formatted citation.
 */
export function pending(citation: Citation) {
  citation.data = {
    hName: 'span',
    hProperties: { className: ['citation', 'citation-unresolved'] },
    hChildren: [{ type: 'text', value: citation.source }],
  };
}

/**
 * Prefix or suffix as citeproc's micro-HTML: emphasis as `<i>`, strong as `<b>`, other nodes as
 * their text. Text is not escaped: citeproc escapes `&`, `<` and `>` itself.
 */
function microHtml(pieces: Piece[], flat: string, start: number, end: number): string {
  let html = '';
  for (let index = start; index < end;) {
    const char = flat[index]!;
    if (char !== OBJECT) {
      let stop = flat.indexOf(OBJECT, index);
      if (stop === -1 || stop > end) stop = end;
      html += flat.slice(index, stop);
      index = stop;
      continue;
    }
    html += nodeHtml(pieceAt(pieces, index)!.node);
    index += 1;
  }
  return html;
}

/** One inline node as micro-HTML. */
function nodeHtml(node: RootContent): string {
  const inner =
    'children' in node ? (node.children as RootContent[]).map(nodeHtml).join('') : toString(node);
  if (node.type === 'emphasis') return `<i>${inner}</i>`;
  if (node.type === 'strong') return `<b>${inner}</b>`;
  return inner;
}
