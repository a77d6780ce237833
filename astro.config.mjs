// @ts-check
import { defineConfig } from 'astro/config';
import { astroConfig } from './src/site/astro-config.ts';
import { siteOptionsFromEnv } from './src/site/site-options.ts';

// Used when Astro runs on its own (`npm run dev`, `astro check`): the options come from the
// environment (SRIDA_ROOT, SRIDA_RELEASE, SOURCE_DATE_EPOCH). `srida build` does not read this
// file; it passes the same configuration inline (src/site/build-site.ts).
export default defineConfig(astroConfig(siteOptionsFromEnv(), process.env.SRIDA_SITE_URL));
