import type { Element } from 'hast';
import { h } from 'hastscript';
import type { DocumentSource } from '../content/load-project.ts';
import type { AssembledRecommendation } from './assembled.ts';
import type { TargetRegistry } from '../markdown/targets.ts';

/**
 * The summary table of a document's recommendations: number, title (linked), chapter, horizon.
 */
export function renderRecommendationSummary(
  document: DocumentSource,
  recommendations: readonly AssembledRecommendation[],
  registry: TargetRegistry,
): Element {
  const { label } = document.metadata.recommendations;
  const rows = recommendations.map((rec) => {
    const chapter = registry.get(document.id, rec.chapterId);
    const chapterText = chapter
      ? [chapter.label, chapter.number].filter(Boolean).join(' ') || chapter.title
      : '';
    return h('tr', [
      h('th', { scope: 'row' }, [
        h(
          'a',
          {
            className: ['xref', 'xref-recommendation'],
            href: rec.href,
            dataXref: `${document.id}#${rec.id}`,
          },
          rec.number,
        ),
      ]),
      h('td', rec.title),
      h(
        'td',
        chapter
          ? [
              h(
                'a',
                {
                  className: ['xref', 'xref-chapter'],
                  href: chapter.href,
                  dataXref: `${document.id}#${chapter.id}`,
                },
                chapterText,
              ),
            ]
          : [],
      ),
      h('td', rec.horizon ?? ''),
    ]);
  });
  return h(
    'div',
    {
      className: ['table-scroll', 'recommendation-summary'],
      tabIndex: 0,
      role: 'region',
      ariaLabel: `Summary of ${label.toLowerCase()} recommendations`,
    },
    [
      h('table', [
        h('caption', `${label} summary (${recommendations.length})`),
        h('thead', [
          h('tr', [
            h('th', { scope: 'col' }, 'No.'),
            h('th', { scope: 'col' }, label),
            h('th', { scope: 'col' }, 'Where'),
            h('th', { scope: 'col' }, 'Horizon'),
          ]),
        ]),
        h('tbody', rows),
      ]),
    ],
  );
}
