import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { ExtensionChapter } from '../assemble/extension.ts';
import type { Citation } from './types.ts';

/** A citation of a document, in reading order. */
export interface Occurrence {
  citation: Citation;
  chapter: ExtensionChapter;
  /** False for a citation only in an image's alt text (it has no element to link back to). */
  placed: boolean;
}

/** What one walk over a document's chapters finds. */
export interface Collected {
  occurrences: Occurrence[];
  /** `::bibliography` blocks, in order. */
  blocks: { node: LeafDirective; chapter: ExtensionChapter }[];
}

/**
 * Collect a document's citations in reading order: chapter by chapter, and a footnote's
 * citations where the footnote is first referenced (as a reader meets them, and as Pandoc
 * numbers them), not where its definition happens to be written.
 *
 * @param chapters the document's chapters, in order.
 */
export function collectCitations(chapters: readonly ExtensionChapter[]): Collected {
  const collected: Collected = { occurrences: [], blocks: [] };
  for (const chapter of chapters) {
    const definitions = new Map<string, FootnoteDefinition>();
    visit(chapter.tree, 'footnoteDefinition', (node) => {
      definitions.set(node.identifier.toLowerCase(), node);
    });
    const visited = new Set<FootnoteDefinition>();
    const byNode = new Map<Citation, Occurrence>();
    const walk = (node: Nodes) => {
      if (node.type === 'citation') {
        const known = byNode.get(node);
        if (known) known.placed = true;
        else add(node, true);
        return;
      }
      if (node.type === 'image') {
        for (const part of node.data?.altParts ?? [])
          if (typeof part !== 'string' && !byNode.has(part)) add(part, false);
        return;
      }
      if (node.type === 'leafDirective' && node.name === 'bibliography')
        collected.blocks.push({ node, chapter });
      if (node.type === 'footnoteReference') {
        const definition = definitions.get(node.identifier.toLowerCase());
        if (definition && !visited.has(definition)) {
          visited.add(definition);
          for (const child of definition.children) walk(child);
        }
        return;
      }
      // Definitions are read where they are referenced (above), or at the end if never.
      if (node.type === 'footnoteDefinition') return;
      if ('children' in node) for (const child of node.children) walk(child as Nodes);
    };
    const add = (citation: Citation, placed: boolean) => {
      const occurrence: Occurrence = { citation, chapter, placed };
      byNode.set(citation, occurrence);
      collected.occurrences.push(occurrence);
    };
    walk(chapter.tree as Root);
    for (const definition of definitions.values()) {
      if (visited.has(definition)) continue;
      visited.add(definition);
      for (const child of definition.children) walk(child);
    }
  }
  return collected;
}
