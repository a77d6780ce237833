import type { Extension } from '../assemble/extension.ts';
import { report } from '../diagnostics/report.ts';
import { Lru } from './cache.ts';
import { runDocumentPass, type RootState } from './document-pass.ts';
import { documentStyle } from './document-style.ts';
import { formatCached, useWorkers, warmUp } from './format-pool.ts';
import { loadLibrary } from './load-bibliography.ts';
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
      state = { library: { entries: new Map(), styles: new Map(), files: [] }, cited: new Set(), reported: new Set(), warmed: new Set() };
      states.set(root, state);
    }
    return state;
  };
  return {
    name: 'citations',
    async load(root) {
      const library = await loadLibrary(root);
      states.set(root, { library, cited: new Set(), reported: new Set(), warmed: new Set() });
      return library.files;
    },
    parsed(tree, file, document) {
      const state = stateFor(file.cwd);
      if (!state.warmed.has(document)) {
        state.warmed.add(document);
        // The document's worker builds its engine while the main thread parses on.
        if (useWorkers(state.library.entries.size)) {
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
      const { library } = stateFor(document.metadataFile.cwd);
      const { job } = prepare(document, chapters, library, true);
      if (job.clusters.length) formatCached(job, { documentId: document.id, workers: useWorkers(library.entries.size) }).catch(() => undefined);
    },
    registered(_registry, documents) {
      const root = documents[0]?.metadataFile.cwd;
      if (root === undefined) return;
      const { library, cited } = stateFor(root);
      for (const entry of library.entries.values()) {
        if (cited.has(entry.key)) continue;
        report(entry.file, 'warning', `Entry \`${entry.key}\` is not cited in any document`, entry.place, 'bibliography-unused', `Cite it (\`[@${entry.key}]\`) or remove it.`);
      }
    },
    async document({ document, chapters, registry }) {
      return runDocumentPass(document, chapters, registry, stateFor(document.metadataFile.cwd));
    },
  };
}

