import { safeDecodeUri } from '../markdown/safe-url.ts';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
};

/** A running local server of a built site. */
export interface SiteServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serve a built site folder on 127.0.0.1 (a free port), as the site will be served: `/x/` is
 * `x/index.html`. Only GET and HEAD; nothing outside the folder. Bound to the loopback address
 * so that nothing else on the network can read it while the PDFs print.
 */
export async function serveSite(root: string): Promise<SiteServer> {
  const base = path.resolve(root);
  const server: Server = createServer((request, response) => {
    void respond(base, request.method ?? 'GET', request.url ?? '/').then(
      (found) => {
        if (!found) {
          response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
          return;
        }
        response.writeHead(200, {
          'Content-Type':
            types[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': found.size,
          'Cache-Control': 'no-store',
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(found.file).pipe(response);
      },
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(
  base: string,
  method: string,
  url: string,
): Promise<{ file: string; size: number } | undefined> {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  let pathname: string;
  try {
    pathname = safeDecodeUri(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  let file = path.join(base, pathname);
  if (file !== base && !file.startsWith(base + path.sep)) return undefined;
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  return info?.isFile() ? { file, size: info.size } : undefined;
}
