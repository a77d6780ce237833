import { reservedIds } from '../markdown/reserved-ids.ts';
import { whileProcessing } from '../diagnostics/internal-error.ts';
import type { Root } from 'mdast';
import type { ChapterSource, DocumentSource } from '../content/load-project.ts';
import { report } from '../diagnostics/report.ts';
import { checkFences } from '../markdown/check-fences.ts';
import { parseWithinLimits } from '../markdown/limits.ts';
import { parseMarkdown } from '../markdown/processor.ts';
import remarkCallouts from '../markdown/remark-callouts.ts';
import remarkFigures from '../markdown/remark-figures.ts';
import remarkRecommendations from '../markdown/remark-recommendations.ts';
import remarkSections, { type HeadingEntry } from '../markdown/remark-sections.ts';
import { chapterHref, type ChapterContext, type DocumentContext } from '../markdown/context.ts';
import type { TargetRegistry } from '../markdown/targets.ts';
import { collectExplicitIds } from './collect-explicit-ids.ts';
import type { Extension, ExtensionChapter } from './extension.ts';

/** A chapter of a document after parsing and numbering. */
export interface NumberedChapter {
  source: ChapterSource;
  tree: Root;
  chapter: ChapterContext;
  headings: HeadingEntry[];
}

/** One document after the first pass: parsed, numbered, every target registered. */
export interface NumberedDocument {
  document: DocumentSource;
  context: DocumentContext;
  chapters: NumberedChapter[];
  /** The same chapters as extensions see them. */
  numbered: ExtensionChapter[];
}

/**
 * First pass over one document: parse every chapter (extensions' `parsed` after each), reserve
 * the explicit ids, number chapters, sections, figures, tables and recommendations, register
 * every target, then call the extensions' `numbered`.
 */
export function numberDocument(
  document: DocumentSource,
  root: string,
  registry: TargetRegistry,
  extensions: readonly Extension[],
  parse: (markdown: string) => Root = parseMarkdown,
): NumberedDocument {
  const context: DocumentContext = {
    root,
    document,
    registry,
    explicitIds: new Set(),
    // Generated slugs never take an id of the page layout (a heading "Main" becomes `main-1`).
    usedIds: new Set(reservedIds),
    recommendationCount: 0,
    assets: new Map(),
  };
  const parsed = document.chapters.map((source) =>
    whileProcessing(source.file.path, () => {
      const tree = parseWithinLimits(source.markdown, source.file, parse);
      checkFences(tree, source.markdown, source.file);
      for (const extension of extensions) extension.parsed?.({ document, chapter: source, tree });
      return { source, tree };
    }),
  );
  collectExplicitIds(context, parsed);
  let chapterCount = 0;
  let appendixCount = 0;
  checkChapterOrder(document);
  const chapters = parsed.map(({ source, tree }): NumberedChapter => {
    const kind = source.frontMatter.kind;
    const number =
      kind === 'chapter'
        ? String(++chapterCount)
        : kind === 'appendix'
          ? String.fromCharCode(64 + ++appendixCount)
          : '';
    const chapter: ChapterContext = {
      chapter: source,
      number,
      href: chapterHref(document.id, source.id),
    };
    registry.add({
      documentId: document.id,
      id: source.id,
      kind: 'chapter',
      label: kind === 'appendix' ? 'Appendix' : kind === 'chapter' ? 'Chapter' : '',
      number,
      title: source.frontMatter.title,
      chapterId: source.id,
      href: chapter.href,
      file: source.file,
      position: { start: { line: 2, column: 1 }, end: { line: 2, column: 1 } },
    });
    const headings: HeadingEntry[] = [];
    const file = source.file;
    remarkSections({ document: context, chapter, headings })(tree, file);
    remarkFigures({ document: context, chapter })(tree, file);
    remarkRecommendations({ document: context, chapter })(tree, file);
    remarkCallouts()(tree);
    return { source, tree, chapter, headings };
  });
  const numbered = chapters.map(({ source, tree, chapter }) => ({
    id: source.id,
    href: chapter.href,
    tree,
    file: source.file,
  }));
  for (const extension of extensions) extension.numbered?.({ document, chapters: numbered });
  return { document, context, chapters, numbered };
}

/**
 * A `kind: chapter` after an appendix would be numbered and listed after the appendices: a
 * warning, since the file number (`NN-`) orders chapters and is easily mistyped.
 */
function checkChapterOrder(document: DocumentSource): void {
  const firstAppendix = document.chapters.find((c) => c.frontMatter.kind === 'appendix');
  if (!firstAppendix) return;
  for (const chapter of document.chapters) {
    if (chapter.order <= firstAppendix.order || chapter.frontMatter.kind !== 'chapter') continue;
    report(
      chapter.file,
      'warning',
      `Chapter \`${chapter.id}\` comes after the appendix \`${firstAppendix.file.path}\``,
      { line: 1, column: 1 },
      'chapter-after-appendix',
      'Chapters are ordered by their file number: give this one a number before the appendices, or set `kind: appendix`.',
    );
  }
}
