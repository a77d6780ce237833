import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchBrowser } from '../helpers/browser.ts';
import { chapter, documentYaml, makeProject } from '../helpers/project.ts';

let dev: ChildProcess | undefined;
let log = '';

/** Stop the dev server and its children (npx → astro): the whole process group. */
function stopDev() {
  if (dev?.pid && dev.exitCode === null) {
    try {
      process.kill(-dev.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
afterAll(stopDev);

/** A port nothing listens on (the OS picks it; the server is closed before Astro binds it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Poll a URL until it answers with `accept`ed text (or time runs out). */
/**
 * Open `url` and read from it; Vite's client may reload the page once the content store is
 * written after the first request, which destroys the context being read: then read again.
 */
async function settled<T>(page: Page, url: string, read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'load' });
      return await read();
    } catch (error) {
      if (
        attempt >= 5 ||
        !/context was destroyed|navigation|Cannot find context|detached/i.test(String(error))
      )
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function waitFor(url: string, accept: (body: string) => boolean): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const body = await fetch(url).then(
      (r) => r.text(),
      () => '',
    );
    if (accept(body)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${url}\n${log.slice(-2000)}`);
}

describe('npm run dev shows problems in the page', () => {
  it(
    'a broken reference as a visible marker with file:line, a chapter that cannot be assembled as an error page',
    { timeout: 180_000 },
    async () => {
      const root = await makeProject({
        'chapters/doc/document.yaml': documentYaml(),
        'chapters/doc/01-a.md': chapter('A', '\n## Scope {#scope}\n\nSee [](#scop) here.\n'),
        'chapters/doc/02-b.md': '---\nstatus: draft\n---\n\nNo title.\n',
      });
      const port = await freePort();
      const env = Object.fromEntries(
        Object.entries(process.env).filter(
          ([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST',
        ),
      );
      dev = spawn('npx', ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
        env: { ...env, SRIDA_ROOT: root, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      dev.stdout!.on('data', (chunk) => (log += chunk));
      dev.stderr!.on('data', (chunk) => (log += chunk));
      process.on('exit', stopDev);
      const base = `http://127.0.0.1:${port}`;
      await waitFor(`${base}/doc/a/`, (body) => body.includes('srida-problem'));

      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const marker = await settled(page, `${base}/doc/a/`, () =>
          page.$eval('mark.srida-problem', (node) => ({
            text: (node as HTMLElement).innerText,
            visible: (node as HTMLElement).getBoundingClientRect().width > 0,
            background: getComputedStyle(node).backgroundColor,
          })),
        );
        expect(marker.text).toBe(
          '⚠ Cannot find cross-reference target `#scop` chapters/doc/01-a.md:8:5 error [xref-unknown]',
        );
        expect(marker.visible).toBe(true);
        expect(marker.background).toBe('rgb(255, 243, 205)');

        const response = await page.goto(`${base}/doc/b/`, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        const text = await settled(page, `${base}/doc/b/`, () =>
          page.$eval('div.srida-problem', (node) => (node as HTMLElement).innerText),
        );
        expect(text).toContain(
          '⚠ Missing field `title` chapters/doc/02-b.md:2:1 error [chapter-front-matter]',
        );
      } finally {
        await browser.close();
      }
    },
  );
});
