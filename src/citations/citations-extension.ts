import { dataKey } from '../assemble/data-key.ts';
import type { ExtensionFactory } from '../assemble/extension.ts';
import type { DocumentSource } from '../content/load-project.ts';
import { report } from '../diagnostics/report.ts';
import { runDocumentPass, type CitationsData, type CitationsState } from './document-pass.ts';
import { diskCacheDir, diskKey, knownSources } from './disk-cache.ts';
import { documentStyle } from './document-style.ts';
import { formatCached, useWorkers, warmUp } from './format-pool.ts';
import { loadLibrary, type Library } from './load-bibliography.ts';
import { prepare } from './prepare-job.ts';
import remarkCitations from './remark-citations.ts';

export type { CitationsData } from './document-pass.ts';

/** Key of what the citations extension hands the site for each document. */
export const citationsKey = dataKey<CitationsData>('citations');

/**
 * Citations and reference lists, as an assembly extension: `load` reads the bibliography,
 * `parsed` turns citation syntax into nodes, `numbered` collects a document's citations and
 * starts formatting them in one engine pass, `registered` warns about entries nobody cites,
 * and `document` links the formatted citations and builds the reference lists. The state of
 * one assembly lives here; formatted results are cached by content (format-pool.ts, disk).
 */
export const createCitationsExtension: ExtensionFactory<CitationsData> = (context) => {
  const state: CitationsState = {
    library: { entries: new Map(), styles: new Map(), files: [] },
    cacheDir: undefined,
    cited: new Set(),
    reported: new Set(),
    sourceKeys: new Map(),
    prepared: new Map(),
  };
  return {
    name: 'citations',
    key: citationsKey,
    async load() {
      state.library = await loadLibrary(context.root);
      state.cacheDir = diskCacheDir(context.root);
      return state.library.files;
    },
    parsed({ document, chapter, tree }) {
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
      remarkCitations(tree, chapter.markdown);
    },
    numbered({ document, chapters }) {
      // Collect the document's citations (reporting unknown keys) and start formatting them
      // now, while the next document is parsed; the document pass picks both up.
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
    registered() {
      if (context.documents.length === 0) return;
      for (const entry of state.library.entries.values()) {
        if (state.cited.has(entry.key)) continue;
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
    async document({ document, chapters }) {
      const prepared = state.prepared.get(document) ?? prepare(document, chapters, state.library);
      return runDocumentPass(document, prepared, chapters, context.registry, state);
    },
  };
};

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
