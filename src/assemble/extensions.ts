import { roadmapExtension } from '../roadmap/roadmap-extension.ts';
import type { Extension } from './extension.ts';

/**
 * The extensions every assembly runs, in order: the roadmap (data, `::roadmap` blocks,
 * back-links).
 */
export const extensions: Extension[] = [roadmapExtension()];
