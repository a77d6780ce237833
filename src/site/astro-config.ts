import type { AstroUserConfig } from 'astro';
import { mediaIntegration } from './media-integration.ts';
import { siteOptionsPlugin } from './options-module.ts';
import type { SiteOptions } from './site-options.ts';

/** The placeholder address of the site when none is configured. */
const defaultSiteUrl = 'https://spectrum-srida.example.org';

/**
 * The whole Astro configuration of the site, from its options. `astro.config.mjs` uses it
 * with options read from the environment (for `astro dev`); `srida build` and `srida release`
 * pass it to Astro's `build()` as an inline configuration (no config file, no environment).
 * Content does not go through Astro's Markdown step: the project's own pipeline assembles both
 * documents and a content loader hands the result to Astro (src/content.config.ts).
 */
export function astroConfig(options: SiteOptions, siteUrl = defaultSiteUrl): AstroUserConfig {
  return {
    output: 'static',
    trailingSlash: 'always',
    site: siteUrl,
    integrations: [mediaIntegration(options.root)],
    devToolbar: { enabled: false },
    build: { format: 'directory', inlineStylesheets: 'auto' },
    vite: { plugins: [siteOptionsPlugin(options)], server: { fs: { strict: false } } },
  };
}
