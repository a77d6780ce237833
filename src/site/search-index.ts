import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** What building the search index cost, for the build's summary line and the bench. */
export interface SearchIndexStats {
  /** Pages in the index (the chapter pages of both documents). */
  pages: number;
  /** Bytes written under `pagefind/` (index, fragments, the search script). */
  bytes: number;
  /** Wall time of indexing and writing, in milliseconds. */
  ms: number;
}

/**
 * Build the Pagefind search index of a built site into `<dir>/pagefind/`, with Pagefind's Node
 * API (its binary ships in an npm package; nothing is fetched). Only pages that mark a region
 * with `data-pagefind-body` are indexed: the chapter pages, so the single-page and print views
 * never duplicate a result. Glossary tooltips are left out (they would fill every excerpt with
 * definitions); the works cited under a chapter carry `data-pagefind-ignore` in the page.
 */
export async function buildSearchIndex(dir: string): Promise<SearchIndexStats> {
  const started = performance.now();
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({
      excludeSelectors: ['.glossary-tip'],
    });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    const out = path.join(dir, 'pagefind');
    // The site has its own search dialog: Pagefind's ready-made interfaces are not shipped.
    for (const name of await readdir(out))
      if (/^pagefind-(.*ui|highlight)\./.test(name)) await rm(path.join(out, name));
    const entry = JSON.parse(await readFile(path.join(out, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    return {
      // `addDirectory` counts every HTML file it read; the entry file counts the indexed pages.
      pages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0),
      bytes: await folderBytes(out),
      ms: performance.now() - started,
    };
  } finally {
    await pagefind.close();
  }
}

async function folderBytes(dir: string): Promise<number> {
  const names = await readdir(dir, { recursive: true });
  let total = 0;
  for (const name of names) {
    const info = await stat(path.join(dir, String(name)));
    if (info.isFile()) total += info.size;
  }
  return total;
}
