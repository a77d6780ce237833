import type { Extension } from '../assemble/extension.ts';
import type { DocumentSource } from '../content/load-project.ts';
import { report } from '../diagnostics/report.ts';
import { Lru } from './cache.ts';
import { runDocumentPass, type RootState } from './document-pass.ts';
import { diskCacheDir, diskKey, knownSources } from './disk-cache.ts';
import { documentStyle } from './document-style.ts';
import { formatCached, useWorkers, warmUp } from './format-pool.ts';
import { loadLibrary, type Library } from './load-bibliography.ts';
import { prepare } from './prepare-job.ts';
import remarkCitations from './remark-citations.ts';

export type { CitationsData } from './document-pass.ts';

/**
 * Citations and reference lists, as an assembly extension: `load` reads the bibliography,
 * `parsed` turns citation syntax into nodes, `numbered` collects a document's citations and
 * starts formatting them in one engine pass, `registered` warns about entries nobody cites,
 * and `document` links the formatted citations and builds the reference lists.
 */
export function createCitationsExtension(): Extension {
  // The last few roots assembled (tests assemble many throw-away projects in one process).
  const states = new Lru<RootState>(8);
  const newState = (library: Library, cacheDir?: string): RootState => ({
    library,
    cacheDir,
    cited: new Set(),
    reported: new Set(),
    sourceKeys: new Map(),
    prepared: new Map(),
  });
  const stateFor = (root: string): RootState =>
    states.getOrSet(root, () => newState({ entries: new Map(), styles: new Map(), files: [] }));
  return {
    name: 'citations',
    async load(root) {
      const library = await loadLibrary(root);
      states.set(root, newState(library, diskCacheDir(root)));
      return library.files;
    },
    parsed(tree, file, document) {
      const state = stateFor(file.cwd);
      if (!state.sourceKeys.has(document)) {
        const sourceKey = state.cacheDir ? sourcesKey(document, state.library) : undefined;
        state.sourceKeys.set(document, sourceKey);
        // The document's worker builds its engine while the main thread parses on; unless the
        // disk cache holds the result for exactly these sources (starting workers for nothing
        // costs more than the head start saves).
        const stored = state.cacheDir && sourceKey && knownSources(state.cacheDir, sourceKey);
        if (!stored && useWorkers(state.library.entries.size)) {
          const { style, locale } = documentStyle(document, state.library, true);
          warmUp(style.registered, locale, document.id);
        }
      }
      const markdown =
        document.chapters.find((chapter) => chapter.file === file)?.markdown ?? String(file.value);
      remarkCitations(tree, markdown);
    },
    numbered(document, chapters) {
      // Collect the document's citations (reporting unknown keys) and start formatting them
      // now, while the next document is parsed; the document pass picks both up.
      const state = stateFor(document.metadataFile.cwd);
      const prepared = prepare(document, chapters, state.library);
      state.prepared.set(document, prepared);
      const { job } = prepared;
      // The job's works are every entry cited (known keys) or listed with `nocite`.
      for (const item of job.items) state.cited.add(item.id);
      const options = {
        documentId: document.id,
        workers: useWorkers(state.library.entries.size),
        cacheDir: state.cacheDir,
        sourceKey: state.sourceKeys.get(document),
      };
      if (job.items.length) formatCached(job, options).catch(() => undefined);
    },
    registered(_registry, documents) {
      const root = documents[0]?.metadataFile.cwd;
      if (root === undefined) return;
      const { library, cited } = stateFor(root);
      for (const entry of library.entries.values()) {
        if (cited.has(entry.key)) continue;
        report(
          entry.file,
          'warning',
          `Entry \`${entry.key}\` is not cited in any document`,
          entry.place,
          'bibliography-unused',
          `Cite it (\`[@${entry.key}]\`), list it with \`nocite\` in a document.yaml, or remove it.`,
        );
      }
    },
    async document({ document, chapters, registry }) {
      const state = stateFor(document.metadataFile.cwd);
      const prepared = state.prepared.get(document) ?? prepare(document, chapters, state.library);
      return runDocumentPass(document, prepared, chapters, registry, state);
    },
  };
}

/**
 * Hash of everything a document's formatting job is made from: its metadata, its chapter files
 * in order, and the bibliography, style and locale files (the job is a function of these).
 */
function sourcesKey(document: DocumentSource, library: Library): string | undefined {
  const parts = [String(document.metadataFile.value)];
  for (const chapter of document.chapters)
    parts.push(chapter.file.path, String(chapter.file.value));
  for (const file of library.files) parts.push(file.path, String(file.value));
  return diskKey('sources', ...parts);
}
