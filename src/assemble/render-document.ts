import { whileProcessing } from '../diagnostics/internal-error.ts';
import { toString } from 'mdast-util-to-string';
import { chapterHref } from '../markdown/context.ts';
import { parseMarkdown, renderHtml } from '../markdown/processor.ts';
import { insertProblemMarkers } from '../markdown/problem-markers.ts';
import remarkBlocks, { type BlockRenderer } from '../markdown/remark-blocks.ts';
import remarkXrefs from '../markdown/remark-xrefs.ts';
import type { TargetRegistry } from '../markdown/targets.ts';
import type { AssembledChapter, AssembledDocument, AssembledRecommendation } from './assembled.ts';
import type { Extension } from './extension.ts';
import type { NumberedDocument } from './number-document.ts';
import { renderRecommendationSummary } from './recommendation-summary.ts';

/** What the second pass needs to know about the whole project. */
export interface ProjectView {
  registry: TargetRegistry;
  documentIds: readonly string[];
  shortTitles: ReadonlyMap<string, string>;
  /** Put the chapters' problems into their HTML (the dev preview only). */
  markProblems?: boolean;
}

/**
 * Second pass over one numbered document: the extensions' document pass (their blocks, data
 * and generated chapters), then cross-references and generated blocks, then HTML.
 */
export async function renderDocument(
  work: NumberedDocument,
  project: ProjectView,
  extensions: readonly Extension[],
): Promise<AssembledDocument> {
  const { document, context, chapters, numbered } = work;
  const { registry } = project;
  const extensionData: Record<string, unknown> = {};
  const generated: AssembledChapter[] = [];
  const extensionBlocks: Record<string, BlockRenderer> = {};
  for (const extension of extensions) {
    if (!extension.document) continue;
    const result = await whileProcessing(document.metadataFile.path, () =>
      extension.document!({ document, chapters: numbered }),
    );
    Object.assign(extensionBlocks, result.blocks);
    if (extension.key && result.data !== undefined) extensionData[extension.key.name] = result.data;
    for (const chapter of result.chapters ?? []) {
      const href = chapterHref(document.id, chapter.id);
      registry.add({
        documentId: document.id,
        id: chapter.id,
        kind: 'chapter',
        label: '',
        number: '',
        title: chapter.title,
        chapterId: chapter.id,
        href,
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
        href,
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
    recommendations: () => [renderRecommendationSummary(document, recommendations, registry)],
  };
  const assembled: AssembledChapter[] = [];
  for (const { source, tree, chapter, headings } of chapters) {
    const file = source.file;
    const html = await whileProcessing(file.path, () => {
      remarkXrefs({ ...project, documentId: document.id })(tree, file);
      remarkBlocks({ blocks })(tree, file);
      if (project.markProblems) insertProblemMarkers(tree, file);
      return renderHtml(tree, file, `${source.id}-`);
    });
    const { frontMatter } = source;
    assembled.push({
      documentId: document.id,
      id: source.id,
      order: source.order,
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
  return {
    id: document.id,
    metadata: document.metadata,
    abstractHtml: await renderHtml(abstractTree, document.metadataFile, `${document.id}-abstract-`),
    abstractText: toString(abstractTree),
    chapters: [...assembled, ...generated],
    recommendations,
    figures: targets.filter((t) => t.kind === 'figure'),
    tables: targets.filter((t) => t.kind === 'table'),
    assets: context.assets,
    extensions: extensionData,
  };
}
