import { cp } from 'node:fs/promises';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mediaFolders } from '../markdown/remark-figures.ts';

const types: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
};

/** Whether a file under a document folder is a media file (not a chapter or metadata). */
function isMedia(name: string): boolean {
  return !/\.(md|ya?ml)$/i.test(name) && !path.basename(name).startsWith('.');
}

/**
 * Serves and copies images: `<root>/chapters/…` and `<root>/figures/…` are `/media/chapters/…`
 * and `/media/figures/…` on the site (the URLs remark-figures gives every image). `astro dev`
 * serves them from the content root; `astro build` copies them into the output.
 */
export function mediaIntegration(root: string): AstroIntegration {
  return {
    name: 'srida-media',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const url = decodeURIComponent((request.url ?? '').split('?')[0]!);
          if (!url.startsWith('/media/')) return next();
          const file = path.normalize(path.join(root, url.slice('/media/'.length)));
          if (
            !mediaFolders.some((folder) => file.startsWith(path.join(root, folder) + path.sep)) ||
            !existsSync(file) ||
            !statSync(file).isFile() ||
            !isMedia(file)
          )
            return next();
          response.setHeader(
            'Content-Type',
            types[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          );
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': async ({ dir }) => {
        const out = path.join(fileURLToPath(dir), 'media');
        for (const folder of mediaFolders) {
          const from = path.join(root, folder);
          if (!existsSync(from)) continue;
          await cp(from, path.join(out, folder), {
            recursive: true,
            filter: (source) => statSync(source).isDirectory() || isMedia(source),
          });
        }
      },
    },
  };
}
