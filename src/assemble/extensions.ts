import { citationsExtension } from '../citations/index.ts';
import { roadmapExtension } from '../roadmap/roadmap-extension.ts';
import type { Extension } from './extension.ts';

/**
 * The extensions every assembly runs, in order: citations (BibTeX, one pass per document) and
 * the roadmap (data, `::roadmap` blocks, back-links).
 */
export const extensions: Extension[] = [citationsExtension, roadmapExtension()];
