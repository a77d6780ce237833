import { fileURLToPath } from 'node:url';

/** The folder of this tool (where astro.config.mjs and src/pages live). */
export const toolRoot = fileURLToPath(new URL('../../', import.meta.url));
