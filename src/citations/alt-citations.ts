import type { Image, Paragraph, PhrasingContent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { makeCitation, type Piece } from './flat-pieces.ts';
import { scanCitations } from './scan-citations.ts';
import type { Citation } from './types.ts';

/** Parts of an image's alt text: plain text and citations (formatted as text later). */
export type AltPart = string | Citation;

/**
 * Split an image's alt text into text and citations, kept as `image.data.altParts` (the
 * document pass writes the formatted citations back into the alt text).
 *
 * @param image the image.
 * @param out where the citations made are added.
 */
export function altCitations(image: Image, out: Citation[]): Citation[] {
  const alt = image.alt ?? '';
  const found = scanCitations(alt);
  if (found.length === 0) return [];
  const parts: AltPart[] = [];
  const made: Citation[] = [];
  const pieces: Piece[] = [{ node: { type: 'text', value: alt }, start: 0 }];
  const position = () => image.position;
  let at = 0;
  for (const scanned of found) {
    if (scanned.start > at) parts.push(alt.slice(at, scanned.start));
    const citation = makeCitation(
      scanned,
      pieces,
      alt,
      image.position,
      position,
      alt.slice(scanned.start, scanned.end),
    );
    parts.push(citation);
    made.push(citation);
    at = scanned.end;
  }
  if (at < alt.length) parts.push(alt.slice(at));
  (image.data ??= {}).altParts = parts;
  out.push(...made);
  return made;
}

/**
 * A Pandoc figure (an image alone in a top-level paragraph) is captioned by its alt text. When
 * that text cites, make the `:::figure` here, with the citations as nodes in the caption, so
 * that they link and are numbered like any other (the figure plugin leaves it as it is).
 */
export function figuresFromAlt(tree: Root, out: Citation[]) {
  tree.children.forEach((node, index) => {
    if (node.type !== 'paragraph' || node.children.length !== 1) return;
    const image = node.children[0]!;
    if (image.type !== 'image' || !image.alt?.includes('@')) return;
    const citations = altCitations(image, out);
    if (citations.length === 0) return;
    const caption: Paragraph = {
      type: 'paragraph',
      children: (image.data!.altParts as AltPart[]).map((part): PhrasingContent =>
        typeof part === 'string' ? { type: 'text', value: part } : part,
      ),
    };
    tree.children[index] = {
      type: 'containerDirective',
      name: 'figure',
      attributes: {},
      position: node.position,
      children: [node, caption],
    } as ContainerDirective;
  });
}

declare module 'mdast' {
  interface ImageData {
    /** The alt text split into text and citations (see remark-citations). */
    altParts?: AltPart[];
  }
}
