import type { ChapterSource, DocumentSource } from '../content/load-project.ts';
import type { TargetRegistry } from './targets.ts';

/** State shared by the plugins while one document is assembled. */
export interface DocumentContext {
  /** Absolute project root. */
  root: string;
  document: DocumentSource;
  registry: TargetRegistry;
  /** Every id given explicitly in the document (chapters, headings, blocks): generated slugs avoid them. */
  explicitIds: Set<string>;
  /** Every id used so far in the document (explicit and generated). */
  usedIds: Set<string>;
  /** Recommendation counter across the whole document. */
  recommendationCount: number;
  /** Horizon and actors of each recommendation, by id (for the summary table). */
  recommendationMeta?: Map<string, { horizon?: string | null; actors?: string | null }>;
  /** Images found: absolute source path → site URL. */
  assets: Map<string, string>;
}

/** The chapter being processed, with its number. */
export interface ChapterContext {
  chapter: ChapterSource;
  /** "3", "A", or "" for front matter. */
  number: string;
  /** Site path of the chapter page: `/srida/introduction/`. */
  href: string;
}

/** Site path of a chapter page. */
export function chapterHref(documentId: string, chapterId: string): string {
  return `/${documentId}/${chapterId}/`;
}
