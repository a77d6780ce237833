import { citationsExtension } from '../citations/index.ts';
import { releasesExtension } from '../release/release-extension.ts';
import { roadmapExtension } from '../roadmap/roadmap-extension.ts';
import type { Extension } from './extension.ts';

/**
 * The extensions every assembly runs, in order: citations (BibTeX, one pass per document), the
 * roadmap (data, `::roadmap` blocks, back-links) and releases (manifest checksums).
 */
export const extensions: Extension[] = [
  citationsExtension,
  roadmapExtension(),
  releasesExtension(),
];
