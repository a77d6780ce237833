import type { SiteDocument } from '../site/site-data.ts';
import { cssString } from './css-string.ts';
import type { Edition } from '../release/edition.ts';
import { toPrintHtml } from './print-links.ts';

/** One line of the table of contents or of a list; `id` is the in-PDF anchor it links to. */
export interface PrintTocEntry {
  id: string;
  /** "3", "3.2", "A", "P4", "Figure 2.1"; empty for unnumbered entries. */
  number: string;
  title: string;
  children: PrintTocEntry[];
}

/** A list of recommendations, figures or tables printed after the contents. */
export interface PrintList {
  id: string;
  title: string;
  entries: PrintTocEntry[];
}

/** A chapter as the print edition sets it. */
export interface PrintChapter {
  id: string;
  kind: string;
  /** CSS named page of the chapter (`ch-3`): carries its running header. */
  pageName: string;
  /** "Chapter 3", "Appendix A" or "" (printed above the heading, not part of it). */
  kicker: string;
  /** "3", "A" or "". */
  number: string;
  title: string;
  /** Chapter status, when it is not final. */
  status?: string;
  html: string;
}

/** What the printer reads from the page (`#srida-print-data`): the PDF's metadata. */
export interface PrintMetadata {
  documentId: string;
  title: string;
  subtitle?: string;
  shortTitle: string;
  editors: string[];
  keywords: string[];
  abstract: string;
  language: string;
  /** The edition's version: `1.0.0` for a release, `1.0.0+dev.abc1234` for a working draft. */
  version: string;
  /** `final`, `consultation` or `working`. */
  status: string;
  /** What this edition is, in one sentence (`Edition.label`). */
  edition: string;
  date: string;
  licence: string;
  /** Web address of the document's landing page. */
  url: string;
  /** File name of the PDF (`Edition.fileName`). */
  fileName: string;
}

/** Everything the print page (`src/pages/[doc]/print/index.astro`) renders. */
export interface PrintEdition {
  metadata: PrintMetadata;
  statusLabel: string;
  dateText: string;
  editorsText: string;
  toc: PrintTocEntry[];
  lists: PrintList[];
  chapters: PrintChapter[];
  /** Named pages with their running headers. */
  pageCss: string;
  /** Extra page rules for two-sided printing; the printer switches them on (`--duplex`). */
  duplexCss: string;
}

export interface PrintEditionInput {
  document: SiteDocument;
  /** The site's public address (astro.config.mjs `site`). */
  siteUrl: string;
  /** What this build is (the releases stage's `releasesOf(document).edition`). */
  edition: Edition;
}

/**
 * Build the print edition of one document from the same data as the site: cover facts, table
 * of contents (chapters and their `##` sections), lists of recommendations, figures and tables
 * (when the document has any), the chapters with print links, and the page rules that give each
 * chapter its running header.
 */
export function buildPrintEdition(input: PrintEditionInput): PrintEdition {
  const { document, siteUrl, edition } = input;
  const { metadata } = document;
  const chapterIds = new Set(document.chapters.map((chapter) => chapter.id));
  const chapters: PrintChapter[] = document.chapters.map((chapter, index) => ({
    id: chapter.id,
    kind: chapter.kind,
    pageName: `ch-${index}`,
    kicker: chapter.label,
    number: chapter.number,
    title: chapter.title,
    status: chapter.kind !== 'back' && chapter.status !== 'final' ? chapter.status : undefined,
    html: toPrintHtml(chapter.html, document.id, siteUrl, chapterIds),
  }));
  const toc: PrintTocEntry[] = document.chapters.map((chapter) => ({
    id: chapter.id,
    number: chapter.number,
    title: chapter.title,
    children: chapter.headings
      .filter((heading) => heading.depth === 2)
      .map((heading) => ({
        id: heading.id,
        number: heading.number,
        title: heading.title,
        children: [],
      })),
  }));
  const lists = buildLists(document);
  const editors = metadata.editors.map((editor) => editor.name);
  const url = `${siteUrl.replace(/\/+$/, '')}/${document.id}/`;
  return {
    metadata: {
      documentId: document.id,
      title: metadata.title,
      subtitle: metadata.subtitle,
      shortTitle: metadata.shortTitle,
      editors,
      keywords: metadata.keywords,
      abstract: plainText(metadata.abstract),
      language: metadata.language,
      version: edition.version,
      status: edition.status,
      edition: edition.label,
      date: edition.date,
      licence: metadata.licence,
      url,
      fileName: edition.fileName,
    },
    statusLabel: edition.statusLabel,
    dateText: edition.dateText,
    editorsText: metadata.editors
      .map((e) => (e.affiliation ? `${e.name} (${e.affiliation})` : e.name))
      .join('; '),
    toc: [
      ...lists.map((list) => ({ id: list.id, number: '', title: list.title, children: [] })),
      ...toc,
    ],
    lists,
    chapters,
    pageCss: pageRules(metadata.shortTitle, chapters),
    duplexCss: duplexPageRules(metadata.shortTitle, chapters),
  };
}

function buildLists(document: SiteDocument): PrintList[] {
  const lists: PrintList[] = [];
  const { label } = document.metadata.recommendations;
  if (document.recommendations.length > 0) {
    lists.push({
      id: 'print-list-recommendations',
      title: `List of ${plural(label).toLowerCase()}`,
      entries: document.recommendations.map((rec) => ({
        id: rec.id,
        number: rec.number,
        title: rec.title,
        children: [],
      })),
    });
  }
  for (const [kind, targets] of [
    ['figures', document.figures],
    ['tables', document.tables],
  ] as const) {
    if (targets.length === 0) continue;
    lists.push({
      id: `print-list-${kind}`,
      title: `List of ${kind}`,
      entries: targets.map((target) => ({
        id: target.id,
        number: target.number,
        title: shortCaption(target.title),
        children: [],
      })),
    });
  }
  return lists;
}

/** "Priority" → "Priorities", "Recommendation" → "Recommendations". */
export function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/** A caption's first sentence, at most about 110 characters: what a list of figures shows. */
export function shortCaption(caption: string): string {
  const first = /^(.+?[.!?])(\s|$)/.exec(caption)?.[1] ?? caption;
  if (first.length <= 110) return first.replace(/\.$/, '');
  const cut = first.slice(0, 110);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : 110)}…`;
}

/** Markdown emphasis and code marks off a one-paragraph text (abstracts allow inline syntax). */
function plainText(markdown: string): string {
  return markdown
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The running header of a chapter: "3 Introduction", "Appendix A Method", "References". */
export function runningTitle(chapter: Pick<PrintChapter, 'kind' | 'number' | 'title'>): string {
  if (chapter.kind === 'appendix') return `Appendix ${chapter.number} ${chapter.title}`;
  return chapter.number ? `${chapter.number} ${chapter.title}` : chapter.title;
}

/**
 * One named page per chapter: the short title top left, the chapter top right. Chromium has no
 * `string-set`, but it does give named pages their own margin boxes.
 */
export function pageRules(shortTitle: string, chapters: readonly PrintChapter[]): string {
  const rules = [`@page { @top-left { content: ${cssString(shortTitle)}; } }`];
  for (const chapter of chapters) {
    rules.push(
      `@page ${chapter.pageName} { @top-right { content: ${cssString(runningTitle(chapter))}; } }`,
    );
  }
  return rules.join('\n');
}

/**
 * Two-sided printing: the short title on left (even) pages, the chapter on right (odd) pages,
 * each on the outer side. The printer turns these on for `--duplex` and inserts blank pages so
 * that every chapter opens on a right-hand page.
 */
export function duplexPageRules(shortTitle: string, chapters: readonly PrintChapter[]): string {
  const folio = 'counter(page) " / " counter(pages)';
  const rules: string[] = [
    // Same text width as one-sided (48 mm of side margins), the wider margin on the binding side.
    `@page :left { margin-left: 20mm; margin-right: 28mm; @bottom-center { content: none; } @bottom-left { content: ${folio}; } }`,
    `@page :right { margin-left: 28mm; margin-right: 20mm; @bottom-center { content: none; } @bottom-right { content: ${folio}; } }`,
  ];
  for (const chapter of chapters) {
    rules.push(
      `@page ${chapter.pageName}:left { @top-left { content: ${cssString(shortTitle)}; } @top-right { content: none; } }`,
      `@page ${chapter.pageName}:right { @top-left { content: none; } @top-right { content: ${cssString(runningTitle(chapter))}; } }`,
    );
  }
  // The cover and blank pages stay empty (these rules come last: see enableDuplex).
  for (const name of ['cover', 'blank']) {
    rules.push(
      `@page ${name} { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-center { content: none; } @bottom-right { content: none; } }`,
    );
  }
  return rules.join('\n');
}
