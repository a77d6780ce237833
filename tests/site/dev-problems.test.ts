import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchBrowser } from '../helpers/browser.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { chapter, documentYaml, makeProject } from '../helpers/project.ts';

let dev: DevServer | undefined;
afterAll(() => dev?.stop());

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
      dev = await startDevServer(root);
      const { base } = dev;
      await dev.waitFor('/doc/a/', (body) => body.includes('srida-problem'));

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
