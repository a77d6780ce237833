import { escapeHtml } from '../util/escape-html.ts';
import type { FormatResult } from './format-document.ts';

/** A place where a work is cited: the citation's id and its chapter. */
export interface CitingPlace {
  /** `cite-12`. */
  id: string;
  chapterId: string;
  /** `/srida/introduction/#cite-12`. */
  href: string;
}

/** An entry of a document's reference list. */
export interface ReferenceEntry {
  key: string;
  /** citeproc's entry HTML (`<div class="csl-entry">…</div>`). */
  html: string;
  /** Every citation of the work, in reading order (citations in alt text have none). */
  citedAt: CitingPlace[];
}

/** The id of a work's entry in the reference list: `ref-<key>`. */
export function entryId(key: string): string {
  return `ref-${key}`;
}

/**
 * The document's reference list: citeproc's entries, each with the id `ref-<key>` that
 * citations link to and, at its end, links back to every place that cites it, grouped by
 * chapter ("Cited in Chapter 2 (2, 3), Appendix A").
 *
 * @param entries in the style's order.
 * @param layout the style's list layout.
 * @param chapterLabel the words naming a chapter ("Chapter 2", "Executive summary").
 */
export function renderReferenceList(
  entries: readonly ReferenceEntry[],
  layout: FormatResult['layout'],
  chapterLabel: (chapterId: string) => string,
): string {
  const body = entries
    .map((entry) =>
      decorateEntry(entry.html, { id: entryId(entry.key), after: backLinks(entry, chapterLabel) }),
    )
    .join('\n');
  return `<div id="refs" class="${listClass(layout)}" role="list">\n${body}\n</div>`;
}

/**
 * The works one chapter cites, as the reference list prints them, without ids (the full list
 * may be on the same page) and each with a link to its entry in the full list.
 *
 * @param entries the chapter's works, in the style's order.
 * @param layout the style's list layout.
 * @param referencesHref the page of the full list (`/srida/references/`).
 */
export function renderChapterList(
  entries: readonly ReferenceEntry[],
  layout: FormatResult['layout'],
  referencesHref: string,
): string {
  if (entries.length === 0) return '';
  const body = entries
    .map((entry) =>
      decorateEntry(entry.html, {
        key: entry.key,
        after: ` <a class="csl-entry-link" href="${escapeHtml(`${referencesHref}#${entryId(entry.key)}`)}" aria-label="Entry in the reference list">↗</a>`,
      }),
    )
    .join('\n');
  return `<div class="${listClass(layout)} chapter-references" role="list">\n${body}\n</div>`;
}

/** Classes of a list: Pandoc's names, and the style's layout. */
function listClass(layout: FormatResult['layout']): string {
  return [
    'references',
    'csl-bib-body',
    layout.hangingIndent ? 'hanging-indent' : '',
    layout.secondFieldAlign ? 'csl-second-field-align' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Add attributes to an entry's outer `<div>` and HTML at its end, inside it. */
function decorateEntry(
  html: string,
  options: { id?: string; key?: string; after: string },
): string {
  const attributes = `${options.id ? ` id="${escapeHtml(options.id)}"` : ''}${options.key ? ` data-ref="${escapeHtml(options.key)}"` : ''} role="listitem"`;
  const opened = html.replace(/^<div class="csl-entry"/, `<div class="csl-entry"${attributes}`);
  const close = opened.lastIndexOf('</div>');
  return close === -1 ? opened : `${opened.slice(0, close).trimEnd()}${options.after}</div>`;
}

/** "Cited in Chapter 2 (2, 3), Appendix A": the first citation in a chapter, then the others. */
function backLinks(entry: ReferenceEntry, chapterLabel: (chapterId: string) => string): string {
  if (entry.citedAt.length === 0) return '';
  const byChapter = new Map<string, CitingPlace[]>();
  for (const place of entry.citedAt)
    byChapter.set(place.chapterId, [...(byChapter.get(place.chapterId) ?? []), place]);
  const groups = [...byChapter].map(([chapterId, places]) => {
    const label = escapeHtml(chapterLabel(chapterId));
    const first = `<a href="${escapeHtml(places[0]!.href)}">${label}</a>`;
    const more = places
      .slice(1)
      .map(
        (place, index) =>
          `<a href="${escapeHtml(place.href)}" aria-label="${label}, citation ${index + 2}">${index + 2}</a>`,
      );
    return more.length ? `${first} (${more.join(', ')})` : first;
  });
  return ` <span class="csl-backlinks">Cited in ${groups.join(', ')}</span>`;
}
