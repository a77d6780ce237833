import type { DocumentSource } from '../content/load-project.ts';
import { escapeHtml } from '../util/escape-html.ts';
import type { AssembledRecommendation } from './assembled.ts';
import type { TargetRegistry } from '../markdown/targets.ts';

/**
 * The summary table of a document's recommendations: number, title (linked), chapter, horizon.
 */
export function renderRecommendationSummary(
  document: DocumentSource,
  recommendations: readonly AssembledRecommendation[],
  registry: TargetRegistry,
): string {
  const { label } = document.metadata.recommendations;
  const rows = recommendations
    .map((rec) => {
      const chapter = registry.get(document.id, rec.chapterId);
      const chapterText = chapter
        ? [chapter.label, chapter.number].filter(Boolean).join(' ') || chapter.title
        : '';
      return `<tr><th scope="row"><a class="xref xref-recommendation" href="${rec.href}" data-xref="${document.id}#${rec.id}">${escapeHtml(rec.number)}</a></th><td>${escapeHtml(rec.title)}</td><td>${chapter ? `<a class="xref xref-chapter" href="${chapter.href}" data-xref="${document.id}#${chapter.id}">${escapeHtml(chapterText)}</a>` : ''}</td><td>${escapeHtml(rec.horizon ?? '')}</td></tr>`;
    })
    .join('');
  return `<div class="table-scroll recommendation-summary" tabindex="0" role="region" aria-label="Summary of ${escapeHtml(label.toLowerCase())} recommendations"><table><caption>${escapeHtml(label)} summary (${recommendations.length})</caption><thead><tr><th scope="col">No.</th><th scope="col">${escapeHtml(label)}</th><th scope="col">Where</th><th scope="col">Horizon</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
