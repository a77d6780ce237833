import type { Plugin } from 'vite';
import { serialiseSiteOptions, type SiteOptions } from './site-options.ts';

/** The id under which the site's code imports its options. */
export const optionsModuleId = 'virtual:srida/options';
const resolvedId = `\0${optionsModuleId}`;

/**
 * A Vite plugin that serves `virtual:srida/options`: the options of this one build, as data.
 * The content loader and the pages read the content root, the release and "now" from it, so
 * that two builds in one process (tests, a release beside a build) never see each other's.
 */
export function siteOptionsPlugin(options: SiteOptions): Plugin {
  const source = `export default ${JSON.stringify(serialiseSiteOptions(options))};`;
  return {
    name: 'srida-options',
    resolveId: (id) => (id === optionsModuleId ? resolvedId : undefined),
    load: (id) => (id === resolvedId ? source : undefined),
  };
}
