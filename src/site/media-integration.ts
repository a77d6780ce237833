import { cp, readdir } from 'node:fs/promises';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentRoot } from './content-root.ts';

const types: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.gif': 'image/gif', '.pdf': 'application/pdf' };

/** Whether a file under a document folder is a media file (not a chapter or metadata). */
function isMedia(name: string): boolean {
  return !/\.(md|ya?ml)$/i.test(name) && !path.basename(name).startsWith('.');
}

/**
 * Serves and copies chapter images: `chapters/<doc>/<path>` is `/media/<doc>/<path>` on the
 * site (the URL remark-figures gives every image). `astro dev` serves them from the content
 * root; `astro build` copies them into the output.
 */
export function mediaIntegration(): AstroIntegration {
  return {
    name: 'srida-media',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const url = decodeURIComponent((request.url ?? '').split('?')[0]!);
          if (!url.startsWith('/media/')) return next();
          const chapters = path.join(contentRoot(), 'chapters');
          const file = path.normalize(path.join(chapters, url.slice('/media/'.length)));
          if (!file.startsWith(chapters + path.sep) || !existsSync(file) || !statSync(file).isFile() || !isMedia(file)) return next();
          response.setHeader('Content-Type', types[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': async ({ dir }) => {
        const chapters = path.join(contentRoot(), 'chapters');
        const out = path.join(fileURLToPath(dir), 'media');
        for (const entry of await readdir(chapters, { withFileTypes: true })) {
          if (!entry.isDirectory()) continue;
          const from = path.join(chapters, entry.name);
          await cp(from, path.join(out, entry.name), { recursive: true, filter: (source) => statSync(source).isDirectory() || isMedia(source) });
        }
      },
    },
  };
}
