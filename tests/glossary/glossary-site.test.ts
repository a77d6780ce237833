/**
 * The glossary as a reader gets it: the built site in Chromium (tooltips on hover and on
 * keyboard focus) and the printed PDF (first uses expanded, the generated appendix).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import {
  buildSite,
  keepForRemoval,
  pageTexts,
  removeTemporary,
  temporary,
} from '../pdf/helpers.ts';
import { glossaryProject, glossaryYaml } from './fixture.ts';

let site: string;
let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  // The fixture's one error (a `seeAlso` to nothing) would stop the build.
  const root = await glossaryProject({
    'glossary/words.yaml': glossaryYaml.replace('[token, nosuch]', '[token]'),
  });
  keepForRemoval(root);
  site = path.join(await temporary('srida-glossary-site-'), 'dist');
  const built = await buildSite(['--root', root, '--out', site, '--quiet']);
  expect(built.code, built.stdout + built.stderr).toBe(0);
  browser = await launchBrowser();
  server = await serveStatic(site);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeTemporary();
});

describe('the glossary on the site and in the PDF', () => {
  it('shows a term’s definition on hover and on keyboard focus, and links to its entry', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/alpha/intro/`);
    const term = 'a.glossary-term[href$="#term-pilot-job"]';
    const tipShown = () =>
      page.$eval(term, (link) => {
        const tip = document.getElementById(link.getAttribute('aria-describedby')!)!;
        return { display: getComputedStyle(tip).display, text: tip.textContent };
      });
    expect(await tipShown()).toEqual({
      display: 'none',
      text: 'A placeholder job that fetches real work once running',
    });
    await page.hover(term);
    expect((await tipShown()).display).toBe('block');
    await page.mouse.move(0, 0);
    expect((await tipShown()).display).toBe('none');
    // Keyboard only: Tab until the term link has focus.
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('Tab');
      if (await page.$eval(term, (link) => link === document.activeElement)) break;
    }
    expect(await page.$eval(term, (link) => link === document.activeElement)).toBe(true);
    expect((await tipShown()).display).toBe('block');
    // Its accessible description is the definition.
    const snapshot = await page.accessibility.snapshot({ root: (await page.$(term))! });
    expect(snapshot?.description).toBe('A placeholder job that fetches real work once running');
    // Following the link lands on the entry.
    await Promise.all([page.waitForNavigation(), page.click(term)]);
    expect(page.url()).toBe(`${server.url}/alpha/glossary/#term-pilot-job`);
    expect(await page.$eval(':target', (element) => element.textContent)).toBe('Pilot job');
    await page.close();
  });

  it('prints first uses expanded and the generated glossary, without tooltips', async () => {
    const pdfs = (await readdir(path.join(site, 'pdf'))).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    const text = (await pageTexts(path.join(site, 'pdf', pdfs[0]!))).flat().join(' ');
    expect(text).toContain('High-performance computing (HPC) centres run pilot jobs');
    expect(text).toContain('More HPC follows');
    expect(text).toContain('Graphics processing units (GPUs)');
    // The appendix lists the entries; the tooltip text is not printed beside the term.
    expect(text).toMatch(/Pilot job A placeholder job that fetches real work once running/);
    expect(text).not.toContain('pilot jobs A placeholder job');
  });
});
