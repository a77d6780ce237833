import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { DocumentSource } from '../content/load-project.ts';
import type { BlockRenderer } from '../markdown/remark-blocks.ts';
import type { HeadingEntry } from '../markdown/remark-sections.ts';
import type { TargetRegistry } from './targets.ts';

/** A chapter as an extension sees it during the document pass. */
export interface ExtensionChapter {
  id: string;
  href: string;
  tree: Root;
  file: VFile;
}

/** A generated chapter an extension adds at the end of a document (e.g. References). */
export interface GeneratedChapter {
  id: string;
  title: string;
  html: string;
  headings: HeadingEntry[];
}

/** What an extension contributes to one document. */
export interface ExtensionDocumentResult {
  /** Renderers of leaf blocks, e.g. `::bibliography`, `::roadmap`. */
  blocks?: Record<string, BlockRenderer>;
  /** Unnumbered chapters appended after the last appendix. */
  chapters?: GeneratedChapter[];
  /** Anything the site or the print edition reads (e.g. per-chapter cited works). */
  data?: unknown;
}

/**
 * A stage of the pipeline that brings its own sources (the bibliography, the roadmap).
 * The assembler calls the hooks in this order, for every assembly:
 * `load` → `parsed` (each chapter) → numbering → `numbered` (each document) → `registered` →
 * `document` (each document) → references and blocks resolve → HTML.
 */
export interface Extension {
  name: string;
  /** Read own sources under the project root; return the files read (with their messages). */
  load?(root: string): Promise<VFile[]>;
  /** A chapter has been parsed (before numbering): e.g. turn citation syntax into nodes. */
  parsed?(tree: Root, file: VFile, document: DocumentSource): void;
  /**
   * A document is parsed and numbered (the next one may not be yet): e.g. start slow work on
   * it in the background, to be picked up in the document pass.
   */
  numbered?(document: DocumentSource, chapters: readonly ExtensionChapter[]): void;
  /** Every target of every document is known: validate references held in own sources. */
  registered?(registry: TargetRegistry, documents: readonly DocumentSource[]): void;
  /** One pass over a whole document, chapters in order (e.g. format every citation at once). */
  document?(input: {
    document: DocumentSource;
    chapters: readonly ExtensionChapter[];
    registry: TargetRegistry;
  }): Promise<ExtensionDocumentResult> | ExtensionDocumentResult;
}
