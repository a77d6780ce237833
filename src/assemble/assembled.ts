import type { ProjectMetadata } from '../schemas/project-metadata.ts';
import type { VFile } from 'vfile';
import type { HeadingEntry } from '../markdown/remark-sections.ts';
import type { Target, TargetRegistry } from '../markdown/targets.ts';
import type { ChapterKind, ChapterStatus } from '../schemas/chapter-front-matter.ts';
import type { DocumentMetadata } from '../schemas/document-metadata.ts';

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
  /** What each extension produced for this document, by its key's name (read with `dataOf`). */
  extensions: Record<string, unknown>;
}

export interface AssembledProject {
  root: string;
  /** `project.yaml`: the publishing organisation's facts (`{}` when there is none). */
  metadata: ProjectMetadata;
  documents: AssembledDocument[];
  registry: TargetRegistry;
  /** Every file read, each with its messages. */
  files: VFile[];
  /** What extensions produced for the whole project, by key name (read with `dataOf`). */
  extensions: Record<string, unknown>;
}
