import type { Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { chapterHref } from '../markdown/context.ts';
import type { ExtensionChapter, ExtensionDocumentResult } from '../assemble/extension.ts';
import type { TargetRegistry } from '../markdown/targets.ts';
import type { DocumentSource } from '../content/load-project.ts';
import { report } from '../diagnostics/report.ts';
import { formatCached, useWorkers } from './format-pool.ts';
import type { FormatResult } from './format-document.ts';
import { htmlToHast, htmlToText } from './html-to-hast.ts';
import type { Library } from './load-bibliography.ts';
import type { Prepared } from './prepare-job.ts';
import { pending } from './remark-citations.ts';
import {
  entryId,
  renderChapterList,
  renderReferenceList,
  type CitingPlace,
  type ReferenceEntry,
} from './render-references.ts';
import { missingFields } from './required-fields.ts';
import type { Citation } from './types.ts';

/** What the citations extension gives the site for one document (`document.extensions.citations`). */
export interface CitationsData {
  /** The style used (`apa`, `vancouver`, `harvard1` or a custom style's file name). */
  style: string;
  /** The CSL locale used (`en-US`). */
  locale: string;
  /**
   * Chapter holding the reference list: the generated `references` chapter, or the chapter
   * with `::bibliography`; '' when the document has no list (it cites nothing).
   */
  referencesChapterId: string;
  /** Its page, `/srida/references/` ('' when there is no list). */
  referencesHref: string;
  /** Whether the reference list is a generated chapter (no `::bibliography` block, some works cited). */
  generated: boolean;
  /** The reference list's HTML (what the generated chapter or the block shows). */
  html: string;
  /** The entries in list order. */
  entries: { key: string; html: string; href: string; citedAt: CitingPlace[] }[];
  /** Per chapter id: HTML of the works that chapter cites ('' when none), for a chapter page's foot. */
  byChapter: Record<string, string>;
  /** Per chapter id: keys of the works it cites, in list order. */
  byChapterKeys: Record<string, string[]>;
  /** Number of citations in the document. */
  citationCount: number;
}

/** State of one assembly of a project root. */
export interface CitationsState {
  library: Library;
  /** Where formatted results are kept between processes (none: memory only). */
  cacheDir?: string;
  /** Every key cited in any document (for the unused-entry warnings). */
  cited: Set<string>;
  /** Missing-field warnings already given (an entry cited by both documents is named once). */
  reported: Set<string>;
  /** Hash of each document's sources (for the disk cache), once its first chapter is parsed. */
  sourceKeys: Map<DocumentSource, string | undefined>;
  /** Each document's citations and formatting job, once it is numbered. */
  prepared: Map<DocumentSource, Prepared>;
}

const referencesTitles: Record<string, string> = {
  en: 'References',
  de: 'Literatur',
  fr: 'Références',
  nl: 'Referenties',
  es: 'Referencias',
};

/**
 * The document pass: format a document's citations (or pick up the job started earlier), turn
 * each citation into links to its entry, and build the reference list with back-links, the
 * per-chapter lists and the data the site reads.
 *
 * @param document the document.
 * @param prepared its citations and formatting job (see prepare-job.ts).
 * @param chapters its chapters, in order.
 * @param registry every target (for chapter labels in back-links).
 * @param state this assembly's state.
 */
export async function runDocumentPass(
  document: DocumentSource,
  prepared: Prepared,
  chapters: readonly ExtensionChapter[],
  registry: TargetRegistry,
  state: CitationsState,
): Promise<ExtensionDocumentResult<CitationsData>> {
  const { library } = state;
  const { job, name, style, blocks } = prepared;
  for (const item of job.items) warnMissing(state, item.id, style.format, name);

  const generatedId = chapters.some((chapter) => chapter.id === 'references')
    ? 'references-list'
    : 'references';
  const place = blocks[0];
  const referencesHref = place ? place.chapter.href : chapterHref(document.id, generatedId);
  let result = emptyResult;
  try {
    if (job.items.length)
      result = await formatCached(job, {
        documentId: document.id,
        workers: useWorkers(library.entries.size),
        cacheDir: state.cacheDir,
        sourceKey: state.sourceKeys.get(document),
      });
  } catch (error) {
    // citeproc failed on this document's data: say so, keep the citations as written.
    report(
      document.metadataFile,
      'error',
      `Citations could not be formatted: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      { line: 1, column: 1 },
      'citation-format',
      'Check the style and the entries cited; the citations are shown as written.',
    );
    prepared.clusterOf.clear();
  }
  const { citedAt, keysByChapter } = linkCitations(
    prepared,
    result,
    chapters,
    library,
    referencesHref,
  );

  const entries: ReferenceEntry[] = result.bibliography.map((entry) => ({
    key: entry.id,
    html: entry.html,
    citedAt: citedAt.get(entry.id) ?? [],
  }));
  const chapterLabel = (chapterId: string) => {
    const target = registry.get(document.id, chapterId);
    return (
      (target && ([target.label, target.number].filter(Boolean).join(' ') || target.title)) ||
      chapterId
    );
  };
  const list = renderReferenceList(entries, result.layout, chapterLabel);
  const html = toHtml(list);
  const byChapter: Record<string, string> = {};
  const byChapterKeys: Record<string, string[]> = {};
  for (const chapter of chapters) {
    const mine = entries.filter((entry) => keysByChapter.get(chapter.id)!.has(entry.key));
    byChapterKeys[chapter.id] = mine.map((entry) => entry.key);
    const chapterList = renderChapterList(mine, result.layout, referencesHref);
    byChapter[chapter.id] = chapterList ? toHtml(chapterList) : '';
  }
  const listed = Boolean(place) || entries.length > 0;
  const data: CitationsData = {
    style: name,
    locale: job.locale,
    referencesChapterId: listed ? (place?.chapter.id ?? generatedId) : '',
    referencesHref: listed ? referencesHref : '',
    generated: !place && entries.length > 0,
    html,
    entries: entries.map((entry) => ({
      key: entry.key,
      html: entry.html,
      href: `${referencesHref}#${entryId(entry.key)}`,
      citedAt: entry.citedAt,
    })),
    byChapter,
    byChapterKeys,
    citationCount: prepared.occurrences.length,
  };
  return {
    data,
    blocks: {
      bibliography: (node, file) => {
        if (node === place?.node) return [list];
        report(
          file,
          'error',
          'The reference list is placed twice',
          node.position,
          'bibliography-duplicate',
          `It is already placed in \`${place?.chapter.file.path}\`; remove this \`::bibliography\`.`,
        );
        return undefined;
      },
    },
    chapters: data.generated
      ? [
          {
            id: generatedId,
            title: referencesTitles[job.locale.slice(0, 2)] ?? referencesTitles.en!,
            html,
            headings: [],
          },
        ]
      : [],
  };
}

/**
 * Give every citation its formatted content: one link per cite to its entry, an id
 * (`cite-N`, in reading order) for the back-links, unknown keys marked; and write formatted
 * citations into alt texts.
 *
 * @returns where each work is cited, and which works each chapter cites.
 */
function linkCitations(
  prepared: Prepared,
  result: FormatResult,
  chapters: readonly ExtensionChapter[],
  library: Library,
  referencesHref: string,
) {
  const link = (key: string): Properties => ({
    href: `${referencesHref}#${entryId(key)}`,
    className: ['citation-ref'],
  });
  const citedAt = new Map<string, CitingPlace[]>(prepared.job.items.map((item) => [item.id, []]));
  const keysByChapter = new Map<string, Set<string>>(
    chapters.map((chapter) => [chapter.id, new Set()]),
  );
  const textOf = new Map<Citation, string>();
  let count = 0;
  for (const occurrence of prepared.occurrences) {
    const { citation, chapter } = occurrence;
    const index = prepared.clusterOf.get(occurrence);
    const unknown = citation.items
      .filter((item) => !library.entries.has(item.key))
      .map((item) => item.key);
    if (index === undefined) {
      textOf.set(citation, citation.source);
      pending(citation);
      continue;
    }
    const html = result.clusters[index]!;
    textOf.set(citation, htmlToText(html) + unknown.map((key) => ` ${key}?`).join(''));
    const keys = prepared.job.clusters[index]!.items.map((item) => item.id);
    for (const key of keys) keysByChapter.get(chapter.id)?.add(key);
    const properties: Properties = {
      className: unknown.length ? ['citation', 'citation-unresolved'] : ['citation'],
      dataCites: keys.join(' '),
    };
    if (occurrence.placed) {
      const id = `cite-${++count}`;
      properties.id = id;
      for (const key of new Set(keys))
        citedAt.get(key)!.push({ id, chapterId: chapter.id, href: `${chapter.href}#${id}` });
    }
    const children = htmlToHast(html, link);
    for (const key of unknown)
      children.push(
        { type: 'text', value: ' ' },
        {
          type: 'element',
          tagName: 'strong',
          properties: { className: ['citation-unknown'] },
          children: [{ type: 'text', value: `${key}?` }],
        },
      );
    citation.data = { hName: 'span', hProperties: properties, hChildren: children };
  }
  setAltTexts(chapters, textOf);
  return { citedAt, keysByChapter };
}

const emptyResult: FormatResult = {
  clusters: [],
  bibliography: [],
  layout: { hangingIndent: false, secondFieldAlign: false, lineSpacing: 1, entrySpacing: 1 },
  numbers: {},
};

/** Warn once per entry about fields the style needs that it lacks. */
function warnMissing(state: CitationsState, key: string, format: string, styleName: string) {
  const entry = state.library.entries.get(key)!;
  const missing = missingFields(entry, format);
  const id = `${key}|${missing.join()}`;
  if (missing.length === 0 || state.reported.has(id)) return;
  state.reported.add(id);
  report(
    entry.file,
    'warning',
    `Entry \`${key}\` has no ${missing.join(' and no ')}, which the reference list prints (style \`${styleName}\`)`,
    entry.place,
    'bibliography-missing-field',
    'Add the field, or the entry is printed incomplete.',
  );
}

/** Images whose alt text cites: the alt text gets the formatted citation, as plain text. */
function setAltTexts(chapters: readonly ExtensionChapter[], textOf: Map<Citation, string>) {
  for (const chapter of chapters) {
    visit(chapter.tree, 'image', (node) => {
      const parts = node.data?.altParts;
      if (parts)
        node.alt = parts
          .map((part) => (typeof part === 'string' ? part : (textOf.get(part) ?? part.source)))
          .join('');
    });
  }
}
