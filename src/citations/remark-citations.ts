import type { Nodes, Parent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import { altCitations, figuresFromAlt } from './alt-citations.ts';
import { endOffset, makeCitation, pieceAt, slice, type Piece } from './flat-pieces.ts';
import { OBJECT, scanCitations } from './scan-citations.ts';
import { LineIndex, mapTextToSource } from './source-map.ts';
import type { Citation } from './types.ts';

export { pending } from './flat-pieces.ts';
export type { AltPart } from './alt-citations.ts';

/** Nodes whose content is never scanned: a citation inside a link or code would make no sense. */
const opaque = new Set([
  'link',
  'linkReference',
  'inlineCode',
  'code',
  'html',
  'definition',
  'math',
  'inlineMath',
  'yaml',
]);

/**
 * Turn Pandoc citation syntax in a chapter into `citation` nodes (see {@link Citation}).
 * Citations inside the alt text of an image are kept on the image (`data.altParts`); an image
 * alone in a top-level paragraph (a Pandoc figure, captioned by its alt text) becomes a
 * `:::figure` whose caption holds real citation nodes.
 *
 * @param tree the chapter's mdast, changed in place.
 * @param markdown the Markdown the tree was parsed from (positions point into it).
 * @returns every citation node made, in tree order.
 */
export default function remarkCitations(tree: Root, markdown: string): Citation[] {
  if (!markdown.includes('@')) return [];
  const context: Context = { markdown, lines: new LineIndex(markdown), made: [] };
  figuresFromAlt(tree, context.made);
  walk(tree, context);
  return context.made;
}

interface Context {
  markdown: string;
  lines: LineIndex;
  made: Citation[];
}

/** Visit every node that may hold citations: parents of text, and images (alt text). */
function walk(node: Nodes, context: Context) {
  if (node.type === 'image') {
    if (node.alt?.includes('@') && !node.data?.altParts) altCitations(node, context.made);
    return;
  }
  if (opaque.has(node.type) || !('children' in node) || node.type === 'citation') return;
  if (node.children.some((child) => child.type === 'text' && child.value.includes('@')))
    transformChildren(node, context);
  for (const child of node.children) walk(child as Nodes, context);
}

/**
 * Replace the citations among a parent's children with citation nodes: the children are
 * flattened to text (see {@link OBJECT}), scanned, and rebuilt around the citations.
 */
function transformChildren(parent: Parent, context: Context) {
  mergeStrayDirectives(parent);
  const pieces: Piece[] = [];
  let flat = '';
  const literal = new Set<number>();
  for (const child of parent.children) {
    const piece: Piece = { node: child, start: flat.length };
    if (child.type === 'text') {
      const position = child.position;
      if (position?.start.offset !== undefined && position.end.offset !== undefined) {
        piece.map = mapTextToSource(
          child.value,
          context.markdown,
          position.start.offset,
          position.end.offset,
        );
        for (const index of piece.map.literal) literal.add(piece.start + index);
      }
      flat += child.value;
    } else {
      flat += OBJECT;
    }
    pieces.push(piece);
  }
  const found = scanCitations(flat, (index) => literal.has(index));
  if (found.length === 0) return;
  const offsetOf = (index: number): number | undefined => {
    const piece = pieceAt(pieces, index);
    if (!piece) return undefined;
    if (piece.node.type !== 'text')
      return index === piece.start
        ? piece.node.position?.start.offset
        : piece.node.position?.end.offset;
    return piece.map?.offsets[index - piece.start];
  };
  const positionOf = (start: number, end: number): Position | undefined => {
    const from = offsetOf(start);
    const to = end > start ? endOffset(pieces, end, offsetOf) : from;
    if (from === undefined || to === undefined) return undefined;
    return { start: context.lines.point(from), end: context.lines.point(to) };
  };

  const children: RootContent[] = [];
  let at = 0;
  for (const scanned of found) {
    children.push(...slice(pieces, flat, at, scanned.start, positionOf));
    const position = positionOf(scanned.start, scanned.end);
    const source =
      position?.start.offset !== undefined && position.end.offset !== undefined
        ? context.markdown.slice(position.start.offset, position.end.offset)
        : flat.slice(scanned.start, scanned.end);
    const citation = makeCitation(scanned, pieces, flat, position, positionOf, source);
    context.made.push(citation);
    children.push(citation);
    at = scanned.end;
  }
  children.push(...slice(pieces, flat, at, flat.length, positionOf));
  parent.children = children as typeof parent.children;
}

/**
 * remark-directive reads `@doe:smith]` as text plus a text directive `:smith`; the project has no
 * text directives and renders them as the text they were (see remark-blocks). Do that here,
 * where it matters, so the key reads whole.
 */
function mergeStrayDirectives(parent: Parent) {
  if (!parent.children.some((child) => child.type === 'textDirective')) return;
  const merged: RootContent[] = [];
  for (const child of parent.children) {
    let node = child as RootContent;
    if (node.type === 'textDirective') {
      const value = `:${node.name}${node.children.length ? `[${toString(node)}]` : ''}`;
      node = { type: 'text', value, position: node.position } as Text;
    }
    const last = merged.at(-1);
    if (node.type === 'text' && last?.type === 'text' && last.position && node.position) {
      merged[merged.length - 1] = {
        type: 'text',
        value: last.value + node.value,
        position: { start: last.position.start, end: node.position.end },
      };
    } else {
      merged.push(node);
    }
  }
  parent.children = merged as typeof parent.children;
}
