/**
 * Anchors as a reader gets them: the built site of a draft (ids in every edition, the margin
 * references and comment links, axe clean, a visible focus) and its PDF (a named destination
 * for every anchor, the references in the margin).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { AxePuppeteer } from '@axe-core/puppeteer';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseState } from '../../src/anchors/state-file.ts';
import { readDestinations } from '../../src/pdf/read-destinations.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { chapter, documentYaml, makeProject } from '../helpers/project.ts';
import { serveStatic } from '../helpers/static-server.ts';
import {
  buildSite,
  keepForRemoval,
  pageTexts,
  removeTemporary,
  temporary,
} from '../pdf/helpers.ts';

let site: string;
let anchors: string[];
let browser: Browser;
let server: { url: string; close(): Promise<void> };

const body = `Opening words of the chapter, before its first section.

## Storage {#storage}

Storage of the sites is federated through one namespace for every experiment.

- Replicas are placed by policy.
- Transfers are scheduled by the data management system.

> Federation is an agreement between institutions before it is software.

:::note
Tape remains the cheapest medium for cold data.
:::

The last paragraph of the section.
`;

beforeAll(async () => {
  const root = await makeProject({
    'chapters/doc/document.yaml': documentYaml('Draft Plan'),
    'chapters/doc/01-one.md': chapter('One', body),
    'releases/doc/releases.yaml': `document: doc
next:
  consultation:
    opens: 2026-01-10
    respond: Use the comment link beside each paragraph.
    channel:
      forge: https://forge.example.org/plan/issues/new?title={title}&body={body}
releases: []
`,
  });
  keepForRemoval(root);
  site = path.join(await temporary('srida-anchors-site-'), 'dist');
  const built = await buildSite(['--root', root, '--out', site, '--quiet']);
  expect(built.code, built.stdout + built.stderr).toBe(0);
  // `srida build` ran `srida check`, which wrote the state.
  const { state } = parseState(await readFile(path.join(root, 'anchors/doc.jsonl'), 'utf8'));
  anchors = state.filter((entry) => !entry.retired).map((entry) => entry.anchor);
  browser = await launchBrowser();
  server = await serveStatic(site);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeTemporary();
});

describe('anchors on the site and in the PDF', () => {
  it('are element ids in the chapter page, the single page and the print edition', async () => {
    expect(anchors).toHaveLength(7);
    for (const page of ['doc/one/index.html', 'doc/full/index.html', 'doc/print/index.html']) {
      const html = await readFile(path.join(site, page), 'utf8');
      for (const anchor of anchors) expect(html, page).toMatch(new RegExp(`\\sid="${anchor}"`));
    }
  });

  it('shows each reference and a named comment link beside each block; axe finds nothing', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/doc/one/`);
    const links = await page.$$eval('a.block-comment', (all) =>
      all.map((a) => ({ name: a.textContent, href: a.getAttribute('href')! })),
    );
    expect(links).toHaveLength(7);
    expect(links[1]!.name).toBe('Comment on paragraph 1.1 ¶1');
    const url = new URL(links[1]!.href);
    expect(url.host).toBe('forge.example.org');
    expect(url.searchParams.get('body')).toMatch(/\/doc\/one\/#p-[a-z2-7]{8}\n/);
    expect(url.searchParams.get('body')).toContain('> Storage of the sites is federated');
    const refs = await page.$$eval('.block-ref', (all) => all.map((s) => s.textContent));
    expect(refs).toEqual(['1 ¶1', '1.1 ¶1', '1.1 ¶2', '1.1 ¶3', '1.1 ¶4', '1.1 ¶5', '1.1 ¶6']);
    const results = await new AxePuppeteer(page).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    // Keyboard: the link shows where focus is.
    await page.focus('a.block-comment');
    const outline = await page.$eval('a.block-comment', (a) => getComputedStyle(a).outlineStyle);
    expect(outline).not.toBe('none');
    await page.close();
  });

  it('gives every anchor a named destination in the PDF, and prints the references in the margin', async () => {
    const pdfs = (await readdir(path.join(site, 'pdf'))).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    const file = path.join(site, 'pdf', pdfs[0]!);
    const destinations = readDestinations(await PDFDocument.load(await readFile(file)));
    for (const anchor of anchors) expect(destinations.has(anchor), anchor).toBe(true);
    const text = (await pageTexts(file)).flat();
    // The reference stands in the margin band, at the height of its block's first line.
    expect(text.join('\n')).toMatch(/^1\.1 ¶1\nStorage of the sites/m);
    expect(text.join('\n')).toMatch(/^1\.1 ¶3\nTransfers are scheduled/m);
    expect(text.join(' ')).not.toContain('Comment on paragraph');
  });
});
