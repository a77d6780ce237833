import type { Heading, Root, Text } from 'mdast';
import { plainText } from './plain-text.ts';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import type { ChapterContext, DocumentContext } from './context.ts';
import { report } from '../diagnostics/report.ts';
import { slugify, takeExplicitId, uniqueSlug } from './heading-id.ts';

/** A heading of a chapter, for the in-page table of contents and the PDF outline. */
export interface HeadingEntry {
  id: string;
  depth: number;
  /** "3.2.1", or "" when unnumbered. */
  number: string;
  title: string;
}

export interface RemarkSectionsOptions {
  document: DocumentContext;
  chapter: ChapterContext;
  /** Filled with the chapter's headings in order. */
  headings: HeadingEntry[];
}

/**
 * Give every heading of a chapter an id (explicit `{#id}` wins, otherwise a slug unique across
 * the document) and a number (`##` → 3.1, `###` → 3.1.1; deeper levels and front matter are
 * unnumbered), and register each as a cross-reference target. A `#` heading in the body is an
 * error: the chapter title comes from the front matter.
 */
export default function remarkSections(options: RemarkSectionsOptions) {
  const { document, chapter, headings } = options;
  return (tree: Root, file: VFile) => {
    const counters = [0, 0, 0, 0, 0, 0, 0];
    visit(tree, 'heading', (node: Heading) => {
      const explicit = takeExplicitId(node);
      const title = plainText(node);
      if (node.depth === 1) {
        report(
          file,
          'error',
          'A chapter body must not contain a level-1 heading',
          node.position,
          'heading-level',
          'The front matter `title` is the chapter heading; start sections with `##`. (A `# Title` is taken as the title only as the first line of the body, when the front matter has no `title`.)',
        );
      }
      const id = explicit ?? uniqueSlug(slugify(title), document.usedIds);
      if (explicit) document.usedIds.add(explicit);
      counters[node.depth]! += 1;
      for (let depth = node.depth + 1; depth < counters.length; depth++) counters[depth] = 0;
      const numbered = chapter.number !== '' && node.depth >= 2 && node.depth <= 3;
      const number = numbered
        ? [chapter.number, ...counters.slice(2, node.depth + 1)].join('.')
        : '';
      const data = (node.data ??= {});
      data.hProperties = { ...(data.hProperties ?? {}), id };
      if (number) {
        const secno: Text = {
          type: 'text',
          value: number,
          data: { hName: 'span', hProperties: { className: ['secno'] } },
        };
        node.children.unshift(secno, { type: 'text', value: ' ' });
      }
      headings.push({ id, depth: node.depth, number, title });
      document.registry.add({
        documentId: document.document.id,
        id,
        kind: 'section',
        label: 'Section',
        number,
        title,
        chapterId: chapter.chapter.id,
        href: `${chapter.href}#${id}`,
        file,
        position: node.position,
      });
      return SKIP;
    });
  };
}
