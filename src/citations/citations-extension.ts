import type { Extension } from '../assemble/extension.ts';
import type { DocumentSource } from '../content/load-project.ts';
import { report } from '../diagnostics/report.ts';
import { Lru } from './cache.ts';
import { runDocumentPass, type RootState } from './document-pass.ts';
import { diskCacheDir, diskKey, knownSources } from './disk-cache.ts';
import { documentStyle } from './document-style.ts';
import { formatCached, useWorkers, warmUp } from './format-pool.ts';
import { loadLibrary, type Library } from './load-bibliography.ts';
import { nociteKeys } from './nocite.ts';
import { prepare } from './prepare-job.ts';
import remarkCitations from './remark-citations.ts';

export type { CitationsData } from './document-pass.ts';

/**
 * Citations and reference lists, as an assembly extension: `load` reads the bibliography,
 * `parsed` turns citation syntax into nodes, `registered` warns about entries nobody cites,
 * and `document` formats all of a document's citations in one engine pass.
 */
export function createCitationsExtension(): Extension {
  // The last few roots assembled (tests assemble many throw-away projects in one process).
  const states = new Lru<RootState>(8);
  const stateFor = (root: string): RootState => {
    let state = states.get(root);
    if (!state) {
      state = { library: { entries: new Map(), styles: new Map(), files: [] }, cited: new Set(), reported: new Set(), sourceKeys: new Map() };
      states.set(root, state);
    }
    return state;
  };
  return {
    name: 'citations',
    async load(root) {
      const library = await loadLibrary(root);
      states.set(root, { library, cacheDir: diskCacheDir(root), cited: new Set(), reported: new Set(), sourceKeys: new Map() });
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
      const markdown = document.chapters.find((chapter) => chapter.file === file)?.markdown ?? String(file.value);
      for (const citation of remarkCitations(tree, markdown)) for (const item of citation.items) state.cited.add(item.key);
    },
    numbered(document, chapters) {
      // Start formatting this document now, while the next one is parsed; the document pass
      // picks the result up (same job, same cache key).
      const { library, cacheDir, sourceKeys } = stateFor(document.metadataFile.cwd);
      const { job } = prepare(document, chapters, library, true);
      const options = { documentId: document.id, workers: useWorkers(library.entries.size), cacheDir, sourceKey: sourceKeys.get(document) };
      if (job.items.length) formatCached(job, options).catch(() => undefined);
    },
    registered(_registry, documents) {
      const root = documents[0]?.metadataFile.cwd;
      if (root === undefined) return;
      const { library, cited } = stateFor(root);
      for (const document of documents) {
        const { all, keys } = nociteKeys(document);
        if (all) return;
        for (const { key } of keys) cited.add(key);
      }
      for (const entry of library.entries.values()) {
        if (cited.has(entry.key)) continue;
        report(entry.file, 'warning', `Entry \`${entry.key}\` is not cited in any document`, entry.place, 'bibliography-unused', `Cite it (\`[@${entry.key}]\`), list it with \`nocite\` in a document.yaml, or remove it.`);
      }
    },
    async document({ document, chapters, registry }) {
      return runDocumentPass(document, chapters, registry, stateFor(document.metadataFile.cwd));
    },
  };
}

/**
 * Hash of everything a document's formatting job is made from: its metadata, its chapter files
 * in order, and the bibliography, style and locale files (the job is a function of these).
 */
function sourcesKey(document: DocumentSource, library: Library): string | undefined {
  const parts = [String(document.metadataFile.value)];
  for (const chapter of document.chapters) parts.push(chapter.file.path, String(chapter.file.value));
  for (const file of library.files) parts.push(file.path, String(file.value));
  return diskKey('sources', ...parts);
}
