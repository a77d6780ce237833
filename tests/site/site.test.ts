import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';

const siteDir = inject('siteDir');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let pages: string[];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(siteDir)]);
  pages = (await readdir(siteDir, { recursive: true }))
    .map(String)
    .filter((name) => name.endsWith('index.html'))
    .map((name) => `/${name.replace(/index\.html$/, '')}`)
    .sort();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the built site, as a reader gets it', () => {
  it('has a home page, a landing page, a single-page view and a page per chapter for both documents', async () => {
    expect(pages).toContain('/');
    for (const doc of ['srida', 'blueprint']) {
      expect(pages).toContain(`/${doc}/`);
      expect(pages).toContain(`/${doc}/full/`);
      expect(
        pages.filter((p) => p.startsWith(`/${doc}/`) && p !== `/${doc}/full/`).length,
      ).toBeGreaterThanOrEqual(9);
    }
  });

  it('every internal link, across both documents, reaches an existing page and anchor', async () => {
    const ids = new Map<string, Set<string>>();
    const links: { from: string; href: string }[] = [];
    for (const page of pages) {
      const html = await readFile(path.join(siteDir, page, 'index.html'), 'utf8');
      ids.set(page, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
      for (const match of html.matchAll(/<a [^>]*href="([^"]+)"/g))
        links.push({ from: page, href: match[1]! });
    }
    const broken: string[] = [];
    let crossDocument = 0;
    for (const { from, href } of links) {
      if (/^[a-z]+:/.test(href) || href.startsWith('/_astro/')) continue;
      const url = new URL(href, `http://site${from}`);
      // The PDFs of the working edition are printed by `srida build`, not by this site-only build.
      if (url.pathname.startsWith('/pdf/')) continue;
      if (/\.[a-z0-9]+$/i.test(url.pathname)) {
        // A file (image, released PDF, notes): it must be in the built site.
        if (!existsSync(path.join(siteDir, decodeURIComponent(url.pathname))))
          broken.push(`${from} → ${href} (no file)`);
        continue;
      }
      const targetIds = ids.get(url.pathname);
      if (!targetIds) broken.push(`${from} → ${href} (no page)`);
      else if (url.hash && !targetIds.has(decodeURIComponent(url.hash.slice(1))))
        broken.push(`${from} → ${href} (no anchor)`);
      if (
        from.split('/')[1] !== url.pathname.split('/')[1] &&
        ['srida', 'blueprint'].includes(url.pathname.split('/')[1]!) &&
        ['srida', 'blueprint'].includes(from.split('/')[1]!)
      )
        crossDocument++;
    }
    expect(broken).toEqual([]);
    expect(crossDocument).toBeGreaterThan(5);
  });

  it('navigates by clicking: home → document → chapter → next chapter', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(`${server.url}/`);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/srida/"]')]);
    expect(await page.$eval('h1', (h) => h.textContent)).toContain(
      'Strategic Research, Innovation and Deployment Agenda',
    );
    const firstChapter = await page.$eval('.toc > li > a', (a) => a.getAttribute('href'));
    await Promise.all([page.waitForNavigation(), page.click('.toc > li > a')]);
    expect(new URL(page.url()).pathname).toBe(firstChapter);
    await Promise.all([page.waitForNavigation(), page.click('a[rel="next"]')]);
    expect(await page.$eval('.breadcrumbs', (n) => n.textContent)).toContain('SRIDA');
    expect(await page.$$eval('h2 .secno', (nodes) => nodes.length)).toBeGreaterThan(0);
    await page.close();
  });

  it('resolves every citation to an entry and every entry back to its citations, in Chromium', async () => {
    const page = await browser.newPage();
    for (const doc of ['srida', 'blueprint']) {
      await page.goto(`${server.url}/${doc}/references/`);
      const entries = await page.$$eval('.csl-entry', (nodes) =>
        nodes.map((n) => ({
          id: n.id,
          backlinks: [...n.querySelectorAll('.csl-backlinks a')].map(
            (a) => (a as HTMLAnchorElement).href,
          ),
        })),
      );
      expect(entries.length).toBeGreaterThan(10);
      const entryIds = new Set(entries.map((e) => e.id));
      const byPage = new Map<string, string[]>();
      for (const entry of entries) {
        expect(entry.backlinks.length, `${entry.id} has back-links`).toBeGreaterThan(0);
        for (const href of entry.backlinks) {
          const url = new URL(href);
          byPage.set(url.pathname, [...(byPage.get(url.pathname) ?? []), url.hash.slice(1)]);
        }
      }
      for (const [pathname, ids] of byPage) {
        await page.goto(`${server.url}${pathname}`);
        const found = await page.evaluate(
          (wanted: string[]) =>
            wanted.filter((id) => document.getElementById(id)?.classList.contains('citation')),
          ids,
        );
        expect(found, pathname).toEqual(ids);
        const targets = await page.$$eval('.citation-ref', (links) =>
          links
            .map((a) => new URL((a as HTMLAnchorElement).href))
            .map((u) => `${u.pathname}${u.hash}`),
        );
        for (const target of targets) {
          expect(target.startsWith(`/${doc}/references/#`), target).toBe(true);
          expect(entryIds.has(target.split('#')[1]!), target).toBe(true);
        }
        const text = await page.$eval('main', (main) => main.textContent ?? '');
        expect(text).not.toMatch(/\[@[\w:./-]+|(^|\s)@[a-z][\w:./-]*\d{4}/);
      }
    }
    await page.close();
  });

  it('prints the full roadmap timeline in parts of whole tracks at the text width; the screen shows it whole', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/srida/roadmap/`);
    const shown = (selector: string) =>
      page.$$eval(selector, (nodes) =>
        nodes.map((node) => getComputedStyle(node).display !== 'none'),
      );
    expect(await page.$$eval('figure.roadmap .roadmap-print', (nodes) => nodes.length)).toBe(1);
    expect(await shown('figure.roadmap:has(.roadmap-print) > .roadmap-scroll')).toEqual([true]);
    expect(await shown('.roadmap-print')).toEqual([false]);
    await page.goto(`${server.url}/srida/print/`);
    await page.emulateMediaType('print');
    expect(await shown('figure.roadmap:has(.roadmap-print) > .roadmap-scroll')).toEqual([false]);
    expect(await shown('.roadmap-print')).toEqual([true]);
    // Each part as wide as the text, not scaled down to fit the whole drawing on one page.
    const widths = await page.evaluate(() => ({
      text: document.querySelector('.chapter p')!.getBoundingClientRect().width,
      parts: [...document.querySelectorAll('.roadmap-print-part svg')].map(
        (svg) => svg.getBoundingClientRect().width,
      ),
    }));
    expect(widths.parts.length).toBeGreaterThan(1);
    for (const width of widths.parts) expect(width).toBeGreaterThan(widths.text * 0.95);
    await page.close();
  });

  it('uses only local resources: nothing is requested outside the site', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:'))
        outside.push(request.url());
    });
    for (const path of ['/', '/srida/full/', '/blueprint/'])
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle0' });
    expect(outside).toEqual([]);
    expect(await page.evaluate(() => document.fonts.check('16px "Source Serif 4"'))).toBe(true);
    await page.close();
  });

  it(
    'has zero axe-core violations (wcag2a, wcag2aa) on every page',
    { timeout: 300_000 },
    async () => {
      const violations: string[] = [];
      const page = await browser.newPage();
      for (const path of pages) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        const results = await new AxePuppeteer(page).withTags(['wcag2a', 'wcag2aa']).analyze();
        for (const violation of results.violations) {
          violations.push(
            `${path}: ${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(' ')}`,
          );
        }
      }
      await page.close();
      expect(violations).toEqual([]);
    },
  );

  it('has zero Nu HTML Checker errors on every page', { timeout: 300_000 }, async () => {
    const exec = promisify(execFile);
    const { default: vnuJar } = (await import('vnu-jar')) as { default: string };
    const result = await exec(
      'java',
      ['-jar', vnuJar, '--errors-only', '--skip-non-html', '--format', 'gnu', siteDir],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error) => error);
    expect(`${result.stdout ?? ''}${result.stderr ?? ''}`.trim()).toBe('');
    expect(result.code ?? 0).toBe(0);
  });
});
