import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readMediaFile, referencedMedia } from './media-files.ts';

/**
 * Serves and copies images: `<root>/chapters/…` and `<root>/figures/…` are `/media/chapters/…`
 * and `/media/figures/…` on the site (the URLs remark-figures gives every image). Only images
 * the built pages reference, of allowed types, inside the content root, are published, SVG
 * sanitised (`media-files.ts`); everything else under `chapters/` stays private. `astro dev`
 * serves through the same gate.
 */
export function mediaIntegration(root: string): AstroIntegration {
  return {
    name: 'srida-media',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const url = (request.url ?? '').split('?')[0]!;
          if (!url.startsWith('/media/')) return next();
          readMediaFile(root, url.slice('/media/'.length)).then(
            (media) => {
              if (!media) return next();
              response.setHeader('Content-Type', media.type);
              response.setHeader('X-Content-Type-Options', 'nosniff');
              response.end(media.bytes);
            },
            () => next(),
          );
        });
      },
      'astro:build:done': async ({ dir }) => {
        const site = fileURLToPath(dir);
        for (const urlPath of await referencedMedia(site)) {
          const media = await readMediaFile(root, urlPath);
          if (!media) continue;
          const target = path.join(site, 'media', media.relative);
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, media.bytes);
        }
      },
    },
  };
}
