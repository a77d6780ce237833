import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { loadProject, type ChapterSource, type DocumentSource } from '../content/load-project.ts';
import type { ChapterKind, ChapterStatus } from '../schemas/chapter-front-matter.ts';
import type { DocumentMetadata } from '../schemas/document-metadata.ts';
import { parseMarkdown, renderHtml } from '../markdown/processor.ts';
import remarkBlocks, { type BlockRenderer } from '../markdown/remark-blocks.ts';
import remarkCallouts from '../markdown/remark-callouts.ts';
import remarkFigures from '../markdown/remark-figures.ts';
import remarkRecommendations from '../markdown/remark-recommendations.ts';
import remarkSections, { type HeadingEntry } from '../markdown/remark-sections.ts';
import remarkXrefs from '../markdown/remark-xrefs.ts';
import { chapterHref, type ChapterContext, type DocumentContext } from './context.ts';
import { collectExplicitIds } from './collect-explicit-ids.ts';
import { renderRecommendationSummary } from './recommendation-summary.ts';
import type { Extension, ExtensionChapter } from './extension.ts';
import { extensions as defaultExtensions } from './extensions.ts';
import { TargetRegistry, type Target } from './targets.ts';

/** A chapter ready for the site and the print edition. */
export interface AssembledChapter {
  documentId: string;
  id: string;
  order: number;
  /** `back` is a generated unnumbered chapter (e.g. References). */
  kind: ChapterKind | 'back';
  /** "3", "A" or "" (front matter). */
  number: string;
  /** "Chapter 3", "Appendix A" or "". */
  label: string;
  title: string;
  status: ChapterStatus;
  workingGroup?: string;
  owners?: string[];
  summary?: string;
  /** Source file, relative to the root. */
  sourcePath: string;
  href: string;
  headings: HeadingEntry[];
  /** Body HTML (sections from `<h2>`), links pointing at chapter pages. */
  html: string;
}

/** A recommendation as listed in summaries. */
export interface AssembledRecommendation {
  id: string;
  number: string;
  title: string;
  chapterId: string;
  href: string;
  horizon?: string | null;
  actors?: string | null;
}

export interface AssembledDocument {
  id: string;
  metadata: DocumentMetadata;
  /** The abstract (Markdown inline syntax allowed) as HTML, and as plain text for meta tags. */
  abstractHtml: string;
  abstractText: string;
  chapters: AssembledChapter[];
  recommendations: AssembledRecommendation[];
  figures: Target[];
  tables: Target[];
  /** Image files used: absolute path → site URL. */
  assets: Map<string, string>;
  /** What each extension produced for this document, by extension name. */
  extensions: Record<string, unknown>;
}

export interface AssembledProject {
  root: string;
  documents: AssembledDocument[];
  registry: TargetRegistry;
  /** Every file read, each with its messages. */
  files: VFile[];
}

interface Work {
  document: DocumentSource;
  context: DocumentContext;
  chapters: {
    source: ChapterSource;
    tree: Root;
    chapter: ChapterContext;
    headings: HeadingEntry[];
  }[];
  /** The same chapters as extensions see them. */
  numbered: ExtensionChapter[];
}

/**
 * Assemble every document of a project at once: parse all chapters, number chapters, sections,
 * figures, tables and recommendations across each document, resolve cross-references across
 * both documents, fill generated blocks, and render HTML. The site, `srida check`, the print
 * edition and the tests all call this one function.
 */
export async function assembleProject(
  root: string,
  options: { extensions?: readonly Extension[] } = {},
): Promise<AssembledProject> {
  const active = options.extensions ?? defaultExtensions;
  const [source, ...extensionFiles] = await Promise.all([
    loadProject(root),
    ...active.map((e) => e.load?.(root) ?? []),
  ]);
  source.files.push(...extensionFiles.flat());
  const registry = new TargetRegistry();
  const documentIds = source.documents.map((d) => d.id);
  const shortTitles = new Map(source.documents.map((d) => [d.id, d.metadata.shortTitle]));

  // 1. Parse, reserve explicit ids, number and register every target.
  const work: Work[] = source.documents.map((document) => {
    const context: DocumentContext = {
      root,
      document,
      registry,
      explicitIds: new Set(),
      usedIds: new Set(),
      recommendationCount: 0,
      assets: new Map(),
    };
    const parsed = document.chapters.map((chapterSource) => {
      const tree = parseMarkdown(chapterSource.markdown);
      for (const extension of active) extension.parsed?.(tree, chapterSource.file, document);
      return { source: chapterSource, tree };
    });
    collectExplicitIds(context, parsed);
    let chapterCount = 0;
    let appendixCount = 0;
    const chapters = parsed.map(({ source: chapterSource, tree }) => {
      const kind = chapterSource.frontMatter.kind;
      const number =
        kind === 'chapter'
          ? String(++chapterCount)
          : kind === 'appendix'
            ? String.fromCharCode(64 + ++appendixCount)
            : '';
      const chapter: ChapterContext = {
        chapter: chapterSource,
        number,
        href: chapterHref(document.id, chapterSource.id),
      };
      registry.add({
        documentId: document.id,
        id: chapterSource.id,
        kind: 'chapter',
        label: kind === 'appendix' ? 'Appendix' : kind === 'chapter' ? 'Chapter' : '',
        number,
        title: chapterSource.frontMatter.title,
        chapterId: chapterSource.id,
        href: chapter.href,
        file: chapterSource.file,
        position: { start: { line: 2, column: 1 }, end: { line: 2, column: 1 } },
      });
      const headings: HeadingEntry[] = [];
      const file = chapterSource.file;
      remarkSections({ document: context, chapter, headings })(tree, file);
      remarkFigures({ document: context, chapter })(tree, file);
      remarkRecommendations({ document: context, chapter })(tree, file);
      remarkCallouts()(tree);
      return { source: chapterSource, tree, chapter, headings };
    });
    const numbered = chapters.map(({ source: c, tree, chapter }) => ({
      id: c.id,
      href: chapter.href,
      tree,
      file: c.file,
    }));
    for (const extension of active) extension.numbered?.(document, numbered);
    return { document, context, chapters, numbered };
  });

  for (const extension of active) extension.registered?.(registry, source.documents);

  // 2. Resolve references and generated blocks, render HTML.
  const documents: AssembledDocument[] = [];
  for (const { document, context, chapters, numbered } of work) {
    const extensionResults: Record<string, unknown> = {};
    const generated: AssembledChapter[] = [];
    const extensionBlocks: Record<string, BlockRenderer> = {};
    for (const extension of active) {
      if (!extension.document) continue;
      const result = await extension.document({
        document,
        registry,
        chapters: numbered,
      });
      Object.assign(extensionBlocks, result.blocks);
      extensionResults[extension.name] = result.data;
      for (const chapter of result.chapters ?? []) {
        registry.add({
          documentId: document.id,
          id: chapter.id,
          kind: 'chapter',
          label: '',
          number: '',
          title: chapter.title,
          chapterId: chapter.id,
          href: chapterHref(document.id, chapter.id),
          file: document.metadataFile,
        });
        generated.push({
          documentId: document.id,
          id: chapter.id,
          order: Number.MAX_SAFE_INTEGER,
          kind: 'back',
          number: '',
          label: '',
          title: chapter.title,
          status: 'final',
          sourcePath: '',
          href: chapterHref(document.id, chapter.id),
          headings: chapter.headings,
          html: chapter.html,
        });
      }
    }
    const targets = registry.ofDocument(document.id);
    const recommendations: AssembledRecommendation[] = targets
      .filter((t) => t.kind === 'recommendation')
      .map((t) => ({
        id: t.id,
        number: t.number,
        title: t.title,
        chapterId: t.chapterId,
        href: t.href,
        ...context.recommendationMeta?.get(t.id),
      }));
    const blocks: Record<string, BlockRenderer> = {
      ...extensionBlocks,
      recommendations: () => renderRecommendationSummary(document, recommendations, registry),
    };
    const assembled: AssembledChapter[] = [];
    for (const { source: chapterSource, tree, chapter, headings } of chapters) {
      const file = chapterSource.file;
      remarkXrefs({ registry, documentId: document.id, documentIds, shortTitles })(tree, file);
      remarkBlocks({ blocks })(tree, file);
      const html = await renderHtml(tree, file, `${chapterSource.id}-`);
      const { frontMatter } = chapterSource;
      assembled.push({
        documentId: document.id,
        id: chapterSource.id,
        order: chapterSource.order,
        kind: frontMatter.kind,
        number: chapter.number,
        label:
          frontMatter.kind === 'chapter'
            ? `Chapter ${chapter.number}`
            : frontMatter.kind === 'appendix'
              ? `Appendix ${chapter.number}`
              : '',
        title: frontMatter.title,
        status: frontMatter.status,
        workingGroup: frontMatter.workingGroup,
        owners: frontMatter.owners,
        summary: frontMatter.summary,
        sourcePath: file.path,
        href: chapter.href,
        headings,
        html,
      });
    }
    const abstractTree = parseMarkdown(document.metadata.abstract);
    documents.push({
      id: document.id,
      metadata: document.metadata,
      abstractHtml: await renderHtml(
        abstractTree,
        document.metadataFile,
        `${document.id}-abstract-`,
      ),
      abstractText: toString(abstractTree),
      chapters: [...assembled, ...generated],
      recommendations,
      figures: targets.filter((t) => t.kind === 'figure'),
      tables: targets.filter((t) => t.kind === 'table'),
      assets: context.assets,
      extensions: extensionResults,
    });
  }
  return { root, documents, registry, files: source.files };
}
