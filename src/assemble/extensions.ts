import type { Extension } from './extension.ts';

/**
 * The extensions every assembly runs, in order. Citations and the roadmap register here.
 */
export const extensions: Extension[] = [];
