/**
 * Time and size of the search index: builds the Pagefind index of a built site (a copy of it,
 * three times) and prints the figures. Usage: `node scripts/bench-search.ts <built site>`
 * (e.g. after `srida build --no-pdf --out /tmp/site`).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSearchIndex } from '../src/site/search-index.ts';

const site = process.argv[2];
if (!site) throw new Error('usage: node scripts/bench-search.ts <built site>');
for (let run = 1; run <= 3; run++) {
  const copy = await mkdtemp(path.join(tmpdir(), 'srida-bench-search-'));
  await cp(site, copy, {
    recursive: true,
    filter: (from) => !from.includes(`${path.sep}pagefind`),
  });
  const stats = await buildSearchIndex(copy);
  console.log(
    `run ${run}: ${stats.pages} pages indexed in ${(stats.ms / 1000).toFixed(2)} s, ${(stats.bytes / 1024).toFixed(0)} KiB under pagefind/`,
  );
  await rm(copy, { recursive: true, force: true });
}
