import { serveSite } from '../../src/pdf/serve-site.ts';

/** Serve a built site on 127.0.0.1 with the printer's own server (`/x/` is `x/index.html`). */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = await serveSite(dir);
  return { url: server.origin, close: () => server.close() };
}
