import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';

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
