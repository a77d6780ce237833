/**
 * What happens when printing goes wrong: the print fails with a message that names the cause,
 * and the last good PDF stays where it was. Uses the basic fixture's site, built once.
 */
import { cp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PdfError } from '../../src/pdf/errors.ts';
import { printPdfs } from '../../src/pdf/print-pdfs.ts';
import { buildSite, removeTemporary, srida, temporary, toolRoot } from './helpers.ts';

let built: string;

beforeAll(async () => {
  built = path.join(await temporary('srida-pdf-fail-'), 'dist');
  const result = await buildSite([
    '--root',
    path.join(toolRoot, 'tests/fixtures/basic'),
    '--out',
    built,
    '--no-pdf',
    '--quiet',
  ]);
  expect(result.code, result.stdout + result.stderr).toBe(0);
});

afterAll(removeTemporary);

/** A copy of the built site with a good PDF of `beta` in it; `inject` is added to beta's print page. */
async function siteWithGoodPdf(): Promise<{
  site: string;
  pdf: string;
  bytes: Buffer;
  mtime: number;
}> {
  const site = path.join(await temporary('srida-pdf-fail-'), 'dist');
  await cp(built, site, { recursive: true });
  const [printed] = await printPdfs({ site, documents: ['beta'] });
  return {
    site,
    pdf: printed!.file,
    bytes: await readFile(printed!.file),
    mtime: (await stat(printed!.file)).mtimeMs,
  };
}

async function inject(site: string, html: string) {
  const page = path.join(site, 'beta/print/index.html');
  await writeFile(page, (await readFile(page, 'utf8')).replace('</main>', `${html}</main>`));
}

async function expectUntouched(good: Awaited<ReturnType<typeof siteWithGoodPdf>>) {
  expect(Buffer.compare(await readFile(good.pdf), good.bytes)).toBe(0);
  expect((await stat(good.pdf)).mtimeMs).toBe(good.mtime);
  expect(await readdir(path.dirname(good.pdf))).toEqual([path.basename(good.pdf)]);
}

describe('a failed print', () => {
  test('a request that leaves the machine is blocked, named in the error, and fails the print; the previous PDF stays', async () => {
    const good = await siteWithGoodPdf();
    await inject(good.site, '<img src="https://fonts.example.com/remote-logo.png" alt="">');
    const error = await printPdfs({ site: good.site, documents: ['beta'] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).problems).toContainEqual(
      expect.stringContaining('blocked request to https://fonts.example.com/remote-logo.png'),
    );
    await expectUntouched(good);
  });

  test('an error thrown by a script of the page fails the print with its message', async () => {
    const good = await siteWithGoodPdf();
    await inject(good.site, '<script>throw new Error("boom in the print page")</script>');
    const error = await printPdfs({ site: good.site, documents: ['beta'] }).catch(
      (e: unknown) => e,
    );
    expect((error as PdfError).problems).toContainEqual(
      expect.stringContaining('boom in the print page'),
    );
    await expectUntouched(good);
  });

  test('a missing file of the site (HTTP 404) fails the print with its URL', async () => {
    const good = await siteWithGoodPdf();
    await inject(good.site, '<img src="/media/missing-figure.svg" alt="gone">');
    const error = await printPdfs({ site: good.site, documents: ['beta'] }).catch(
      (e: unknown) => e,
    );
    expect((error as PdfError).problems).toContainEqual(
      expect.stringMatching(/HTTP 404 for http:\/\/127\.0\.0\.1:\d+\/media\/missing-figure\.svg/),
    );
    await expectUntouched(good);
  });

  test('srida pdf exits 1 and prints the blocked URL and a hint', async () => {
    const good = await siteWithGoodPdf();
    await inject(good.site, '<link rel="stylesheet" href="https://cdn.example.net/x.css">');
    const result = await srida(['pdf', 'beta', '--out', good.site]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('blocked request to https://cdn.example.net/x.css');
    expect(result.stderr).toContain('hint:');
    await expectUntouched(good);
  });
});

describe('what the printer is asked to print', () => {
  test('an unknown document is an error that lists the documents there are', async () => {
    const error = await printPdfs({ site: built, documents: ['gamma'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).message).toContain('`gamma`');
    expect((error as PdfError).hint).toContain('`alpha`, `beta`');
  });

  test('a folder without a built site says to build it first', async () => {
    const empty = await temporary('srida-pdf-empty-');
    const result = await srida(['pdf', '--out', empty]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No print edition found');
    expect(result.stderr).toContain('srida build --no-pdf');
  });

  test('srida build --no-pdf keeps the PDFs of the previous build, so the download links still work', async () => {
    const good = await siteWithGoodPdf();
    const result = await buildSite([
      '--root',
      path.join(toolRoot, 'tests/fixtures/basic'),
      '--out',
      good.site,
      '--no-pdf',
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('kept the PDFs of the previous build');
    expect(Buffer.compare(await readFile(good.pdf), good.bytes)).toBe(0);
    const landing = await readFile(path.join(good.site, 'beta/index.html'), 'utf8');
    expect(landing).toContain(`href="/pdf/${path.basename(good.pdf)}"`);
  });
});
