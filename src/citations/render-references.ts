import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { FormatResult } from './format-document.ts';
import { htmlToHast } from './html-to-hast.ts';

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
 * The document's reference list (hast): citeproc's entries, each with the id `ref-<key>` that
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
): Element {
  const body = entries.map((entry) =>
    decorateEntry(entry.html, { id: entryId(entry.key), after: backLinks(entry, chapterLabel) }),
  );
  return h('div', { id: 'refs', className: listClass(layout), role: 'list' }, lines(body));
}

/**
 * The works one chapter cites, as the reference list prints them, without ids (the full list
 * may be on the same page) and each with a link to its entry in the full list; none when the
 * chapter cites nothing.
 *
 * @param entries the chapter's works, in the style's order.
 * @param layout the style's list layout.
 * @param referencesHref the page of the full list (`/srida/references/`).
 */
export function renderChapterList(
  entries: readonly ReferenceEntry[],
  layout: FormatResult['layout'],
  referencesHref: string,
): Element | undefined {
  if (entries.length === 0) return undefined;
  const body = entries.map((entry) =>
    decorateEntry(entry.html, {
      key: entry.key,
      after: [
        ' ',
        h(
          'a',
          {
            className: ['csl-entry-link'],
            href: `${referencesHref}#${entryId(entry.key)}`,
            ariaLabel: 'Entry in the reference list',
          },
          '↗',
        ),
      ],
    }),
  );
  return h(
    'div',
    { className: [...listClass(layout), 'chapter-references'], role: 'list' },
    lines(body),
  );
}

/** Entries one a line, as citeproc lays them out. */
function lines(entries: readonly ElementContent[][]): ElementContent[] {
  const nl = (): ElementContent => ({ type: 'text', value: '\n' });
  return [nl(), ...entries.flatMap((entry, index) => (index ? [nl(), ...entry] : entry)), nl()];
}

/** Classes of a list: Pandoc's names, and the style's layout. */
function listClass(layout: FormatResult['layout']): string[] {
  return [
    'references',
    'csl-bib-body',
    layout.hangingIndent ? 'hanging-indent' : '',
    layout.secondFieldAlign ? 'csl-second-field-align' : '',
  ].filter(Boolean);
}

/**
 * An entry as hast (citeproc's HTML is parsed once, here), with attributes added to its outer
 * `<div class="csl-entry">` and content appended at its end, inside it.
 */
function decorateEntry(
  html: string,
  options: { id?: string; key?: string; after: (ElementContent | string)[] },
): ElementContent[] {
  const nodes = htmlToHast(html, () => ({}));
  const entry = nodes.find(
    (node): node is Element =>
      node.type === 'element' &&
      node.tagName === 'div' &&
      Array.isArray(node.properties.className) &&
      node.properties.className[0] === 'csl-entry',
  );
  if (!entry) return nodes;
  if (options.id) entry.properties.id = options.id;
  if (options.key) entry.properties.dataRef = options.key;
  entry.properties.role = 'listitem';
  const last = entry.children.at(-1);
  if (last?.type === 'text') {
    last.value = last.value.trimEnd();
    if (!last.value) entry.children.pop();
  }
  for (const part of options.after)
    entry.children.push(typeof part === 'string' ? { type: 'text', value: part } : part);
  return nodes;
}

/** "Cited in Chapter 2 (2, 3), Appendix A": the first citation in a chapter, then the others. */
function backLinks(
  entry: ReferenceEntry,
  chapterLabel: (chapterId: string) => string,
): (ElementContent | string)[] {
  if (entry.citedAt.length === 0) return [];
  const byChapter = new Map<string, CitingPlace[]>();
  for (const place of entry.citedAt)
    byChapter.set(place.chapterId, [...(byChapter.get(place.chapterId) ?? []), place]);
  const groups = [...byChapter].map(([chapterId, places]) => {
    const label = chapterLabel(chapterId);
    const group: (ElementContent | string)[] = [h('a', { href: places[0]!.href }, label)];
    const more = places.slice(1);
    if (more.length) {
      group.push(' (');
      more.forEach((place, index) => {
        if (index) group.push(', ');
        group.push(
          h(
            'a',
            { href: place.href, ariaLabel: `${label}, citation ${index + 2}` },
            String(index + 2),
          ),
        );
      });
      group.push(')');
    }
    return group;
  });
  return [
    ' ',
    h(
      'span',
      { className: ['csl-backlinks'] },
      groups.flatMap((group, index) => (index ? [', ', ...group] : ['Cited in ', ...group])),
    ),
  ];
}
