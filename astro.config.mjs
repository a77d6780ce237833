// @ts-check
import { defineConfig } from 'astro/config';
import { mediaIntegration } from './src/site/media-integration.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';

/**
 * The site is static. Content does not go through Astro's Markdown step: the project's own
 * pipeline assembles both documents and a content loader hands the result to Astro
 * (src/content.config.ts). SRIDA_ROOT (set by `srida build --root`) says where the content is.
 */
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  site: process.env.SRIDA_SITE_URL ?? 'https://spectrum-srida.example.org',
  integrations: [mediaIntegration()],
  devToolbar: { enabled: false },
  build: { format: 'directory', inlineStylesheets: 'auto' },
  vite: { server: { fs: { strict: false } } },
});
