/**
 * Screenshots of the reader-facing pages of a built site, for looking at: the home page, a
 * chapter page with its chapter list, and the search dialog open, in the light and dark themes,
 * at 1280×800 and 390×844. Usage: `node scripts/screenshots.ts <built site> <output folder>`.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer';
import { findBrowser } from '../src/pdf/find-browser.ts';
import { chromiumArgs } from '../src/pdf/launch-browser.ts';
import { serveSite } from '../src/pdf/serve-site.ts';

const [site, out = '/tmp/readers-shots'] = process.argv.slice(2);
if (!site) throw new Error('usage: node scripts/screenshots.ts <built site> [output folder]');
await mkdir(out, { recursive: true });
const server = await serveSite(site);
const browser = await puppeteer.launch({
  executablePath: (await findBrowser()).executablePath,
  headless: true,
  userDataDir: await mkdtemp(path.join(tmpdir(), 'srida-shots-')),
  args: [...chromiumArgs, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
});
try {
  const page = await browser.newPage();
  for (const theme of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    for (const [size, width, height] of [
      ['1280', 1280, 800],
      ['390', 390, 844],
    ] as const) {
      await page.setViewport({ width, height });
      const shot = (name: string) =>
        page.screenshot({ path: path.join(out, `${name}-${theme}-${size}.png`) });
      await page.goto(`${server.origin}/`, { waitUntil: 'networkidle0' });
      await shot('home');
      await page.goto(`${server.origin}/srida/strategic-governance/`, {
        waitUntil: 'networkidle0',
      });
      await shot('chapter');
      await page.keyboard.press('/');
      await page.keyboard.type('federated identity');
      await page.waitForFunction(() =>
        /result/.test(document.querySelector('#search-status')?.textContent ?? ''),
      );
      await shot('search');
      // The printer's server answers a missing page with plain text; a static host with 404.html.
      await page.goto(`${server.origin}/404.html`, { waitUntil: 'networkidle0' });
      await shot('404');
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots written to ${out}`);
