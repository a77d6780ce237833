import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { assembleProject } from '../assemble/assemble-project.ts';
import { collectDiagnostics, formatDiagnostic } from '../diagnostics/collect.ts';
import { ParseCache } from '../markdown/parse-cache.ts';
import { projectStages } from '../stages.ts';
import { buildOptions } from './build-options.ts';
import { addDevProblems } from './dev-problems.ts';
import { toStoreEntries } from './site-data.ts';

/** Folders under the content root whose changes re-assemble the project in `astro dev`. */
const watchedFolders = ['chapters', 'bibliography', 'roadmap', 'glossary'];

/**
 * Astro content loader: assembles the whole project with the shared pipeline and stores one
 * entry per document. In `astro dev` it watches chapters/, bibliography/ and roadmap/ and
 * re-assembles on every change, so edits show without a restart; problems are logged (the
 * CLI's `srida check` is where they fail a build).
 */
export function projectLoader(): Loader {
  return {
    name: 'srida-project',
    async load({ store, watcher, logger, generateDigest }) {
      const options = buildOptions();
      const { root } = options;
      // Only `astro dev` has a watcher: then problems show in the pages (a build fails
      // instead), and an edit re-parses only the chapters whose text changed.
      const preview = Boolean(watcher);
      const parseCache = preview ? new ParseCache() : undefined;
      const sync = async () => {
        const started = performance.now();
        const project = await assembleProject(root, {
          extensions: projectStages({ release: options.release }),
          now: options.now,
          parseCache,
          markProblems: preview,
        });
        if (preview) addDevProblems(project);
        for (const diagnostic of collectDiagnostics(project.files))
          logger.warn(formatDiagnostic(diagnostic));
        const entries = toStoreEntries(project);
        const keep = new Set(entries.map((entry) => entry.id));
        for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
        for (const { id, data } of entries)
          store.set({ id, data, digest: generateDigest(JSON.stringify(data)) });
        logger.info(
          `assembled ${project.documents.length} documents in ${Math.round(performance.now() - started)} ms`,
        );
      };
      await sync();
      if (!watcher) return;
      const folders = watchedFolders.map((folder) => path.join(root, folder));
      watcher.add(folders);
      let pending: ReturnType<typeof setTimeout> | undefined;
      const onChange = (changed: string) => {
        if (!folders.some((folder) => changed.startsWith(folder + path.sep))) return;
        clearTimeout(pending);
        pending = setTimeout(
          () => void sync().catch((error: Error) => logger.error(error.message)),
          50,
        );
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}
