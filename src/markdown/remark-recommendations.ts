import type { Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ChapterContext, DocumentContext } from './context.ts';
import { report } from '../diagnostics/report.ts';
import { uniqueSlug } from './heading-id.ts';
import { replaceChildren } from './tree-edit.ts';

export interface RemarkRecommendationsOptions {
  document: DocumentContext;
  chapter: ChapterContext;
}

const horizons = new Set(['short', 'medium', 'long']);

/**
 * Number `:::recommendation{#id title="…"}` blocks through the document (P1, P2 … with the
 * document's label and prefix), register them as targets and render them as labelled boxes.
 * The summary table (`::recommendations`) is filled in later, once every chapter is numbered.
 */
export default function remarkRecommendations(options: RemarkRecommendationsOptions) {
  const { document, chapter } = options;
  const { label, prefix } = document.document.metadata.recommendations;
  return (tree: Root, file: VFile) => {
    visit(tree, 'containerDirective', (node, index, parent) => {
      if (node.name !== 'recommendation') return;
      const attributes = node.attributes ?? {};
      const title = attributes.title?.trim();
      if (!title) {
        report(
          file,
          'error',
          'Recommendation has no `title`',
          node.position,
          'recommendation-title',
          'Write `:::recommendation{#rec-id title="What to do"}`.',
        );
      }
      if (attributes.horizon && !horizons.has(attributes.horizon)) {
        report(
          file,
          'error',
          `Unknown horizon \`${attributes.horizon}\``,
          node.position,
          'recommendation-horizon',
          'Use `short`, `medium` or `long`.',
        );
      }
      document.recommendationCount += 1;
      const number = `${prefix}${document.recommendationCount}`;
      const id = attributes.id || uniqueSlug(`rec-${number.toLowerCase()}`, document.usedIds);
      document.registry.add({
        documentId: document.document.id,
        id,
        kind: 'recommendation',
        label,
        number,
        title: title ?? '',
        chapterId: chapter.chapter.id,
        href: `${chapter.href}#${id}`,
        file,
        position: node.position,
      });
      (document.recommendationMeta ??= new Map()).set(id, {
        horizon: attributes.horizon,
        actors: attributes.actors,
      });
      const facts: RootContent[] = [];
      if (attributes.horizon) facts.push(fact('Horizon', `${attributes.horizon} term`));
      if (attributes.actors) facts.push(fact('Actors', attributes.actors));
      // Cast: an mdast node that remark-rehype renders through `data.hName`/`hChildren`, holding
      // content mdast's types do not allow there (hast elements, blocks in a paragraph).
      const box = {
        type: 'blockquote',
        data: {
          hName: 'div',
          hProperties: {
            id,
            className: ['recommendation'],
            role: 'note',
            ariaLabelledby: `${id}-title`,
          },
        },
        position: node.position,
        children: [
          {
            type: 'paragraph',
            data: { hProperties: { className: ['recommendation-title'], id: `${id}-title` } },
            children: [
              {
                type: 'text',
                value: `${label} ${number}`,
                data: { hName: 'span', hProperties: { className: ['recommendation-number'] } },
              },
              { type: 'text', value: ' ' },
              { type: 'text', value: title ?? '', data: { hName: 'strong' } },
            ],
          },
          ...node.children,
          ...(facts.length
            ? [
                {
                  type: 'paragraph',
                  data: { hProperties: { className: ['recommendation-facts'] } },
                  children: facts,
                },
              ]
            : []),
        ],
      } as unknown as RootContent;
      if (parent && typeof index === 'number') replaceChildren(parent, index, 1, box);
      return SKIP;
    });
  };
}

function fact(name: string, value: string): RootContent {
  // Cast: an mdast node that remark-rehype renders through `data.hName`/`hChildren`, holding
  // content mdast's types do not allow there (hast elements, blocks in a paragraph).
  return {
    type: 'text',
    value: '',
    data: {
      hName: 'span',
      hProperties: { className: ['recommendation-fact'] },
      hChildren: [
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['fact-name'] },
          children: [{ type: 'text', value: `${name}: ` }],
        },
        { type: 'text', value },
      ],
    },
  } as unknown as RootContent;
}
