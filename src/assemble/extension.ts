import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { ChapterSource, DocumentSource } from '../content/load-project.ts';
import type { BlockRenderer } from '../markdown/remark-blocks.ts';
import type { HeadingEntry } from '../markdown/remark-sections.ts';
import type { TargetRegistry } from '../markdown/targets.ts';
import type { ProjectMetadata } from '../schemas/project-metadata.ts';
import type { DataKey } from './data-key.ts';

/**
 * What every hook of every extension can read: the state of one assembly. The assembler makes
 * one per call of `assembleProject`, so two assemblies (of one root or of two) never share it.
 */
export interface AssemblyContext {
  /** Absolute content root. */
  readonly root: string;
  /** Every target of every document; complete from the `registered` hook on. */
  readonly registry: TargetRegistry;
  /**
   * The documents of the project, in project order. Empty while `load` runs (the project is
   * read at the same time); filled before the first `parsed`.
   */
  readonly documents: readonly DocumentSource[];
  /**
   * Every file read so far, each with its messages: an extension reports on the files it read
   * (returned by `load`) or on the chapters it is given.
   */
  readonly files: readonly VFile[];
  /** "Now" for this assembly (e.g. the roadmap's today line): passed in, so builds can fix it. */
  readonly now: Date;
  /**
   * `project.yaml`: the publishing organisation's facts. Empty while `load` runs (read at the
   * same time as the documents); filled before the first `parsed`.
   */
  readonly project: ProjectMetadata;
}

/** A chapter as an extension sees it after numbering. */
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
export interface ExtensionDocumentResult<Data> {
  /** Renderers of leaf blocks, e.g. `::bibliography`, `::roadmap`. */
  blocks?: Record<string, BlockRenderer>;
  /** Unnumbered chapters appended after the last appendix. */
  chapters?: GeneratedChapter[];
  /** What the site or the print edition reads for this document (plain, serialisable data). */
  data?: Data;
}

/**
 * One assembly's instance of a stage that brings its own sources or output (the bibliography,
 * the roadmap, the releases). The assembler calls the hooks in this order:
 * `load` → `parsed` (each chapter) → numbering → `numbered` (each document) → `registered` →
 * `document` (each document) → references and blocks resolve → HTML → `project`.
 * Every hook takes one object; the assembly's shared state is the factory's context.
 *
 * @typeParam Data what `document` hands the site for each document (under {@link Extension.key}).
 * @typeParam ProjectData what `project` hands the site once for the whole project.
 */
export interface Extension<Data = unknown, ProjectData = unknown> {
  /** Name, for messages and timings. */
  readonly name: string;
  /** Key of the per-document data: `dataOf(document, key)` reads it, typed. */
  readonly key?: DataKey<Data>;
  /** Key of the project data: `projectDataOf(project, key)` reads it, typed. */
  readonly projectKey?: DataKey<ProjectData>;
  /** Read own sources under the root; return the files read (with their messages). */
  load?(): Promise<VFile[]>;
  /** A chapter has been parsed, before numbering: e.g. turn citation syntax into nodes. */
  parsed?(input: { document: DocumentSource; chapter: ChapterSource; tree: Root }): void;
  /**
   * A document is parsed and numbered (the next one may not be yet): e.g. start slow work on
   * it in the background, to be picked up in the document pass.
   */
  numbered?(input: { document: DocumentSource; chapters: readonly ExtensionChapter[] }): void;
  /** Every target of every document is known: validate references held in own sources. */
  registered?(): void;
  /** One pass over a whole document, chapters in order (e.g. format every citation at once). */
  document?(input: {
    document: DocumentSource;
    chapters: readonly ExtensionChapter[];
  }): Promise<ExtensionDocumentResult<Data>> | ExtensionDocumentResult<Data>;
  /** Every document is assembled: data for pages about the whole project (the roadmap page). */
  project?(): ProjectData | undefined;
}

/**
 * A stage of the pipeline: called once per assembly with that assembly's context, it returns
 * the hooks (and keeps whatever state it needs in their closure, never in its module).
 */
export type ExtensionFactory<Data = unknown, ProjectData = unknown> = (
  context: AssemblyContext,
) => Extension<Data, ProjectData>;
