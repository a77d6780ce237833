import { whileProcessing } from '../diagnostics/internal-error.ts';
import type { VFile } from 'vfile';
import { loadProject, type DocumentSource } from '../content/load-project.ts';
import type { ParseCache } from '../markdown/parse-cache.ts';
import { TargetRegistry } from '../markdown/targets.ts';
import type { Timings } from '../util/timings.ts';
import type { AssembledDocument, AssembledProject } from './assembled.ts';
import type { AssemblyContext, Extension, ExtensionFactory } from './extension.ts';
import { numberDocument } from './number-document.ts';
import { renderDocument } from './render-document.ts';
import type { ProjectMetadata } from '../schemas/project-metadata.ts';

export type {
  AssembledChapter,
  AssembledDocument,
  AssembledProject,
  AssembledRecommendation,
} from './assembled.ts';

/** Options of {@link assembleProject}. */
export interface AssembleOptions {
  /**
   * The stages that join the assembly, in order (e.g. `projectStages()` of src/stages.ts).
   * The core knows none of them: the CLI, the site's loader and the tests pass the list.
   */
  extensions: readonly ExtensionFactory[];
  /** "Now" for this assembly (default: the time of the call). */
  now?: Date;
  /** Records the time of each phase and of each stage's hooks (`srida … --timings`). */
  timings?: Timings;
  /**
   * Parsed chapters kept from earlier assemblies in this process (the dev server's loader):
   * unchanged chapters are not parsed again.
   */
  parseCache?: ParseCache;
  /**
   * Show each chapter's problems in its HTML, at their place (default: `false`). Only the dev
   * server sets it (see `markdown/problem-markers.ts`); a build never does.
   */
  markProblems?: boolean;
}

/**
 * Assemble every document of a project at once: parse all chapters, number chapters, sections,
 * figures, tables and recommendations across each document, resolve cross-references across
 * both documents, fill generated blocks, and render HTML. The site, `srida check`, the print
 * edition and the tests all call this one function. Every call makes its own context and its
 * own extension instances, so assemblies never share state.
 */
export async function assembleProject(
  root: string,
  options: AssembleOptions,
): Promise<AssembledProject> {
  const registry = new TargetRegistry();
  const documents: DocumentSource[] = [];
  const files: VFile[] = [];
  const project: ProjectMetadata = {};
  const context: AssemblyContext = {
    root,
    registry,
    documents,
    files,
    now: options.now ?? new Date(),
    project,
  };
  const { timings } = options;
  const created = options.extensions.map((create) => create(context));
  const active = timings ? created.map((extension) => timed(extension, timings)) : created;
  const phase = <T>(name: string, run: () => T): T =>
    timings ? timings.time(`assembly: ${name}`, run) : run();
  const [source, ...extensionFiles] = await Promise.all([
    phase('read the project', () => loadProject(root)),
    ...active.map((e) => e.load?.() ?? []),
  ]);
  documents.push(...source.documents);
  Object.assign(project, source.metadata);
  files.push(...source.files, ...extensionFiles.flat());

  // 1. Parse, reserve explicit ids, number and register every target.
  const work = phase('parse and number', () =>
    documents.map((document) =>
      whileProcessing(document.metadataFile.path, () =>
        numberDocument(
          document,
          root,
          registry,
          active,
          options.parseCache?.parse.bind(options.parseCache),
        ),
      ),
    ),
  );
  options.parseCache?.sweep();
  for (const extension of active) extension.registered?.();

  // 2. Resolve references and generated blocks, render HTML.
  const view = {
    registry,
    documentIds: documents.map((d) => d.id),
    shortTitles: new Map(documents.map((d) => [d.id, d.metadata.shortTitle])),
    markProblems: options.markProblems ?? false,
  };
  const assembled: AssembledDocument[] = [];
  await phase('resolve and render', async () => {
    for (const numbered of work) assembled.push(await renderDocument(numbered, view, active));
  });

  const projectData: Record<string, unknown> = {};
  for (const extension of active) {
    const data = extension.project?.();
    if (extension.projectKey && data !== undefined) projectData[extension.projectKey.name] = data;
  }
  return {
    root,
    metadata: source.metadata,
    documents: assembled,
    registry,
    files,
    extensions: projectData,
  };
}

const hooks = ['load', 'parsed', 'numbered', 'registered', 'document', 'project'] as const;

/** The same extension, with the time of each of its hooks recorded as `stage <name>: <hook>`. */
function timed(extension: Extension, timings: Timings): Extension {
  const wrapped: Record<string, unknown> = { ...extension };
  for (const hook of hooks) {
    const run = extension[hook] as ((input?: unknown) => unknown) | undefined;
    if (!run) continue;
    wrapped[hook] = (input?: unknown) =>
      timings.time(`stage ${extension.name}: ${hook}`, () => run.call(extension, input));
  }
  // The wrapper has exactly the extension's members, each hook with its own signature.
  return wrapped as unknown as Extension;
}
