import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { buildSite } from '../../src/site/build-site.ts';

const exec = promisify(execFile);

const siteDir = inject('siteDir');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(siteDir)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open the search dialog with `/`, type a query and wait until the count is announced. */
async function search(page: Page, query: string): Promise<string> {
  await page.keyboard.press('/');
  await page.waitForSelector('#search-dialog[open]');
  await page.keyboard.type(query);
  await page.waitForFunction(
    () => /result/.test(document.querySelector('#search-status')?.textContent ?? ''),
    { timeout: 20_000 },
  );
  return page.$eval('#search-status', (node) => node.textContent ?? '');
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxePuppeteer(page).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`,
  );
}

describe('search', () => {
  it('finds a phrase from a chapter, with its document, section number and title', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/blueprint/`);
    const status = await search(page, 'arbitrates between communities');
    expect(status).toMatch(/^\d+ results? for “arbitrates between communities”/);
    const first = await page.$eval('#search-results li', (li) => ({
      href: li.querySelector('a')!.getAttribute('href'),
      title: li.querySelector('.search-title')!.textContent,
      where: li.querySelector('.search-where')!.textContent,
      excerpt: li.querySelector('.search-excerpt')!.innerHTML,
    }));
    expect(first.href).toBe('/srida/strategic-governance/#governance-coordination');
    expect(first.title).toBe('5.1 Coordination of the continuum');
    expect(first.where).toMatch(/^SRIDA · /);
    expect(first.excerpt).toContain('<mark>');
    await page.close();
  });

  it('is used with the keyboard alone: `/`, type, arrows, Enter; the filter narrows to a document', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/srida/introduction/`);
    await search(page, 'federated identity');
    const documents = async () =>
      page.$$eval('#search-results .search-where', (nodes) =>
        nodes.map((n) => n.textContent!.split(' · ')[0]),
      );
    expect(new Set(await documents())).toEqual(new Set(['SRIDA', 'Technical Blueprint']));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await page.$$eval('#search-results a', (links) =>
      links[1]!.getAttribute('href'),
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(second);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    // Tab to the document filter and choose the Blueprint with the keyboard.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-filter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#search-results .search-where')].every((n) =>
        n.textContent!.startsWith('Technical Blueprint'),
      ),
    );
    await page.focus('#search-input');
    await page.keyboard.press('ArrowDown');
    const target = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const url = new URL(page.url());
    expect(`${url.pathname}${url.hash}`).toBe(target);
    expect(url.pathname.startsWith('/blueprint/')).toBe(true);
    await page.close();
  });

  it('closes with Escape and gives the focus back to the search button', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.click('button.search-open');
    await page.waitForSelector('#search-dialog[open]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#search-dialog:not([open])');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('search-open');
    await page.close();
  });

  it('without JavaScript, the search button is a link to the single-page view', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(`${server.url}/blueprint/introduction/`);
    expect(await page.$eval('a.search-open', (a) => a.getAttribute('href'))).toBe(
      '/blueprint/full/',
    );
    await page.goto(`${server.url}/`);
    expect(await page.$eval('a.search-open', (a) => a.getAttribute('href'))).toBe('/srida/full/');
    await page.close();
  });

  it('has zero axe violations with the dialog open and results shown, in both themes', async () => {
    const page = await browser.newPage();
    const found: string[] = [];
    for (const scheme of ['light', 'dark']) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(`${server.url}/srida/vision/`);
      await search(page, 'data');
      for (const v of await axeViolations(page)) found.push(`${scheme}: ${v}`);
    }
    expect(found).toEqual([]);
    await page.close();
  });
});

describe('navigation', () => {
  it('lists the whole document beside a chapter, the current chapter marked; folded at 390 px', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${server.url}/srida/strategic-governance/`);
    const list = await page.$$eval('nav.chapter-list a', (links) =>
      links.map((a) => ({ href: a.getAttribute('href'), current: a.getAttribute('aria-current') })),
    );
    const landing = await page.browser().newPage();
    await landing.goto(`${server.url}/srida/`);
    const chapters = await landing.$$eval('.toc > li > a', (links) =>
      links.map((a) => a.getAttribute('href')),
    );
    await landing.close();
    expect(list.map((l) => l.href)).toEqual(chapters);
    expect(list.filter((l) => l.current === 'page').map((l) => l.href)).toEqual([
      '/srida/strategic-governance/',
    ]);
    const visible = () =>
      page.$eval('nav.chapter-list a[aria-current]', (a) => a.checkVisibility());
    expect(await visible()).toBe(true);
    await page.setViewport({ width: 390, height: 844 });
    expect(await visible()).toBe(false);
    await page.click('nav.chapter-list summary');
    expect(await visible()).toBe(true);
    await page.close();
  });

  it('has no edit or problem links when document.yaml names no repository', async () => {
    const html = await readFile(path.join(siteDir, 'srida/vision/index.html'), 'utf8');
    expect(html).not.toContain('source-links');
    expect(html).not.toContain('Edit this chapter');
  });

  it(
    'links each chapter to its source and to a new issue when document.yaml names a repository',
    { timeout: 240_000 },
    async () => {
      const root = await mkdtemp(path.join(tmpdir(), 'srida-readers-'));
      await cp(path.resolve('tests/fixtures/basic/chapters'), path.join(root, 'chapters'), {
        recursive: true,
      });
      await appendFile(
        path.join(root, 'chapters/alpha/document.yaml'),
        'repository:\n  url: https://git.example.org/team/docs\n  branch: release 1\n  directory: content\n',
      );
      const out = path.join(root, 'dist');
      await buildSite({ root, out, quiet: true });
      const html = await readFile(path.join(out, 'alpha/intro/index.html'), 'utf8');
      const hrefs = [...html.matchAll(/<p class="source-links">([\s\S]*?)<\/p>/g)].flatMap((m) =>
        [...m[1]!.matchAll(/href="([^"]+)"/g)].map((h) => h[1]!.replaceAll('&amp;', '&')),
      );
      expect(hrefs).toEqual([
        'https://git.example.org/team/docs/edit/release%201/content/chapters/alpha/01-intro.md',
        `https://git.example.org/team/docs/issues/new?title=${encodeURIComponent('Alpha, Chapter 1. Introduction: ')}`,
      ]);
      const beta = await readdir(path.join(out, 'beta'));
      for (const name of beta) {
        const file = path.join(out, 'beta', name, 'index.html');
        if (existsSync(file)) expect(await readFile(file, 'utf8')).not.toContain('source-links');
      }
      const vnu = (await import('vnu-jar')) as { default: string };
      const result = await exec(
        'java',
        ['-jar', vnu.default, '--errors-only', '--skip-non-html', '--format', 'gnu', out],
        { maxBuffer: 16 * 1024 * 1024 },
      ).catch((error) => error);
      expect(`${result.stdout ?? ''}${result.stderr ?? ''}`.trim()).toBe('');
    },
  );

  it('has a 404 page offering search and the documents', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/404.html`);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('This page is not here');
    expect(
      await page.$$eval('main a', (links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual(expect.arrayContaining(['/srida/', '/blueprint/', '/roadmap/']));
    await page.click('main button.search-open');
    await page.waitForSelector('#search-dialog[open]');
    expect(await axeViolations(page)).toEqual([]);
    const html = await readFile(path.join(siteDir, '404.html'), 'utf8');
    expect(html).not.toContain('rel="canonical"');
    await page.close();
  });

  it('writes sitemap.xml with every reader-facing page, and each page names its canonical URL', async () => {
    const xml = await readFile(path.join(siteDir, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
    const site = locs[0]!.origin;
    const paths = locs.map((u) => u.pathname);
    const pages = (await readdir(siteDir, { recursive: true }))
      .map(String)
      .filter((name) => name.endsWith('index.html'))
      .map((name) => `/${name.replace(/index\.html$/, '')}`)
      .filter((p) => !p.endsWith('/print/'));
    expect([...paths].sort()).toEqual([...pages].sort());
    for (const p of paths) {
      const html = await readFile(path.join(siteDir, p, 'index.html'), 'utf8');
      expect(html).toContain(`<link rel="canonical" href="${site}${p}">`);
    }
  });

  it(
    'has zero axe violations on every kind of page in the dark theme',
    { timeout: 300_000 },
    async () => {
      const page = await browser.newPage();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      // Every kind of page (all of them in the light theme: site.test.ts).
      const pages = [
        '/',
        '/roadmap/',
        '/404.html',
        '/srida/',
        '/srida/full/',
        '/srida/releases/',
        '/srida/strategic-governance/',
        '/srida/glossary/',
        '/srida/references/',
        '/blueprint/',
        '/blueprint/introduction/',
      ];
      const found: string[] = [];
      for (const p of pages) {
        await page.goto(`${server.url}${p}`, { waitUntil: 'load' });
        for (const v of await axeViolations(page)) found.push(`${p}: ${v}`);
      }
      // The dark theme is in force, not only declared.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        'rgb(21, 24, 29)',
      );
      expect(found).toEqual([]);
      await page.close();
    },
  );
});

describe('home page', () => {
  it('offers each PDF from its card with pages and size, and fits a 1280×800 screen', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${server.url}/`);
    const cards = await page.$$eval('.document-card', (nodes) =>
      nodes.map((card) => ({
        download: card.querySelector('a.download')?.getAttribute('href'),
        facts: card.querySelector('.download-facts')?.textContent,
        bottom: card.getBoundingClientRect().bottom,
      })),
    );
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      expect(card.download).toMatch(/^\/(srida|blueprint)\/releases\/.+\.pdf$/);
      expect(card.facts).toMatch(/^v\d+\.\d+\.\d+, \d+ pages, [\d.]+ (MB|kB)$/);
      expect(card.bottom).toBeLessThanOrEqual(800);
    }
    // Checksums and the release history are on the releases pages, not on the first screen.
    const text = await page.$eval('main', (main) => main.textContent ?? '');
    expect(text).not.toMatch(/SHA-256|checksum [0-9a-f]{8}/i);
    expect(await page.$$eval('main table', (tables) => tables.length)).toBe(0);
    await page.close();
  });

  it('works at 390 px: nothing scrolls sideways, the downloads are reachable', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844 });
    for (const p of ['/', '/srida/strategic-governance/']) {
      await page.goto(`${server.url}${p}`);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        p,
      ).toBeLessThanOrEqual(390);
    }
    await page.goto(`${server.url}/`);
    const widths = await page.$$eval('.document-card a.download', (links) =>
      links.map((a) => a.getBoundingClientRect().right),
    );
    for (const right of widths) expect(right).toBeLessThanOrEqual(390);
    await page.close();
  });
});
