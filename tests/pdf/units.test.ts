import { inflateSync } from 'node:zlib';
/** The printer's small parts, without a browser. */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { cssString } from '../../src/pdf/css-string.ts';
import { renumberNodeNames } from '../../src/pdf/stable-names.ts';
import { PdfError, isTransient } from '../../src/pdf/errors.ts';
import { findBrowser } from '../../src/pdf/find-browser.ts';
import { markedContent, wrapUntagged } from '../../src/pdf/mark-artifacts.ts';
import {
  duplexPageRules,
  pageRules,
  plural,
  runningTitle,
  shortCaption,
} from '../../src/pdf/print-edition.ts';
import { toPrintHtml } from '../../src/pdf/print-links.ts';
import { RawPdf, UnsupportedPdf, readString } from '../../src/pdf/raw-pdf.ts';
import { readPageLayout } from '../../src/pdf/read-destinations.ts';
import { withRetry } from '../../src/pdf/retry.ts';
import { stampMetadata } from '../../src/pdf/stamp-metadata.ts';

describe('findBrowser', () => {
  const none = () => false;
  test('PUPPETEER_EXECUTABLE_PATH first', async () => {
    const found = await findBrowser({
      env: { PUPPETEER_EXECUTABLE_PATH: '/opt/chrome' },
      isExecutable: (f) => f === '/opt/chrome' || f === '/usr/bin/chromium',
    });
    expect(found).toEqual({ executablePath: '/opt/chrome', source: 'PUPPETEER_EXECUTABLE_PATH' });
  });
  test('a PUPPETEER_EXECUTABLE_PATH that is not there is an error, not a silent fallback', async () => {
    await expect(
      findBrowser({
        env: { PUPPETEER_EXECUTABLE_PATH: '/nope' },
        isExecutable: (f) => f === '/usr/bin/chromium',
      }),
    ).rejects.toThrow('`PUPPETEER_EXECUTABLE_PATH` is `/nope`');
  });
  test("then a system Chromium, then Puppeteer's download", async () => {
    expect(
      await findBrowser({ env: {}, systemPaths: ['/a', '/b'], isExecutable: (f) => f === '/b' }),
    ).toEqual({ executablePath: '/b', source: 'system' });
    expect(
      await findBrowser({
        env: {},
        systemPaths: ['/a'],
        puppeteerPath: async () => '/cache/chrome',
        isExecutable: (f) => f === '/cache/chrome',
      }),
    ).toEqual({ executablePath: '/cache/chrome', source: 'puppeteer' });
  });
  test('none: one error that names all three places', async () => {
    const error = (await findBrowser({
      env: {},
      systemPaths: ['/usr/bin/chromium'],
      puppeteerPath: async () => '/root/.cache/puppeteer/chrome',
      isExecutable: none,
    }).catch((e: unknown) => e)) as PdfError;
    expect(error).toBeInstanceOf(PdfError);
    expect(error.hint).toContain('`PUPPETEER_EXECUTABLE_PATH`');
    expect(error.hint).toContain('`/usr/bin/chromium`');
    expect(error.hint).toContain('`/root/.cache/puppeteer/chrome` is missing');
  });
});

describe('withRetry', () => {
  const timeout = Object.assign(new Error('Navigation timeout of 100 ms exceeded'), {
    name: 'TimeoutError',
  });
  test('a crash or timeout is retried once', async () => {
    let calls = 0;
    const retried: unknown[] = [];
    expect(
      await withRetry(async () => (++calls === 1 ? Promise.reject(timeout) : 'ok'), {
        onRetry: (e) => void retried.push(e),
      }),
    ).toBe('ok');
    expect(calls).toBe(2);
    expect(retried).toEqual([timeout]);
  });
  test('only once: the second failure is reported', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw timeout;
      }),
    ).rejects.toBe(timeout);
    expect(calls).toBe(2);
  });
  test('problems in the page are not retried', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw new PdfError('blocked');
      }),
    ).rejects.toThrow('blocked');
    expect(calls).toBe(1);
  });
  test('what counts as transient', () => {
    expect(isTransient(Object.assign(new Error('x'), { name: 'TargetCloseError' }))).toBe(true);
    expect(isTransient(new Error('Protocol error (Page.printToPDF): Target closed'))).toBe(true);
    expect(isTransient(new Error('ENOSPC: no space left on device'))).toBe(false);
    expect(isTransient(new PdfError('Printing failed'))).toBe(false);
  });
});

describe('print links', () => {
  const ids = new Set(['intro', 'method']);
  test('same document → in-PDF anchors; elsewhere on the site → the web address; the rest kept', () => {
    const html = [
      '<a href="/alpha/intro/#scope">a</a>',
      '<a href="/alpha/intro/">b</a>',
      '<a href="/alpha/">c</a>',
      '<a href="/alpha/full/">d</a>',
      '<a href="/beta/method/#approach">e</a>',
      '<a href="/roadmap/">f</a>',
      '<a href="https://example.org/x">g</a>',
      '<a href="#intro-fn-1">h</a>',
      '<img src="/media/chapters/alpha/figures/x.svg">',
    ].join('');
    expect(toPrintHtml(html, 'alpha', 'https://site.example/', ids)).toBe(
      [
        '<a href="#scope">a</a>',
        '<a href="#intro">b</a>',
        '<a href="#print-contents">c</a>',
        '<a href="https://site.example/alpha/full/">d</a>',
        '<a href="https://site.example/beta/method/#approach">e</a>',
        '<a href="https://site.example/roadmap/">f</a>',
        '<a href="https://example.org/x">g</a>',
        '<a href="#intro-fn-1">h</a>',
        '<img src="/media/chapters/alpha/figures/x.svg">',
      ].join(''),
    );
  });
});

describe('page rules', () => {
  test('CSS strings are escaped and cannot close the style element', () => {
    expect(cssString('He said "x" \\ </style>\nnext')).toBe(
      '"He said \\"x\\" \\\\ \\3c /style>\\A next"',
    );
  });
  test('each chapter gets a named page with its running title; two-sided mirrors them', () => {
    const chapters = [
      {
        id: 'a',
        kind: 'chapter',
        pageName: 'ch-0',
        kicker: 'Chapter 1',
        number: '1',
        title: 'Intro',
        html: '',
      },
      {
        id: 'b',
        kind: 'appendix',
        pageName: 'ch-1',
        kicker: 'Appendix A',
        number: 'A',
        title: 'Data',
        html: '',
      },
    ];
    expect(pageRules('SRIDA', chapters)).toBe(
      '@page { @top-left { content: "SRIDA"; } }\n@page ch-0 { @top-right { content: "1 Intro"; } }\n@page ch-1 { @top-right { content: "Appendix A Data"; } }',
    );
    const duplex = duplexPageRules('SRIDA', chapters);
    expect(duplex).toContain(
      '@page ch-0:left { @top-left { content: "SRIDA"; } @top-right { content: none; } }',
    );
    expect(duplex).toContain(
      '@page ch-1:right { @top-left { content: none; } @top-right { content: "Appendix A Data"; } }',
    );
    expect(runningTitle({ kind: 'back', number: '', title: 'References' })).toBe('References');
  });
  test('list titles and captions', () => {
    expect(plural('Priority')).toBe('Priorities');
    expect(plural('Recommendation')).toBe('Recommendations');
    expect(shortCaption('The four pillars. They stand on a base.')).toBe('The four pillars');
    expect(shortCaption('x '.repeat(80)).endsWith('…')).toBe(true);
  });
});

describe('reading and stamping PDFs', () => {
  async function samplePdf(objectStreams: boolean, dates = false): Promise<Uint8Array> {
    const pdf = await PDFDocument.create({ updateMetadata: dates });
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 3; i++) pdf.addPage().drawText(`Page ${i + 1}`, { font, x: 50, y: 700 });
    return pdf.save({ useObjectStreams: objectStreams });
  }
  const metadata = {
    documentId: 'alpha',
    title: 'Ålpha (draft)',
    shortTitle: 'A',
    editors: ['Ann', 'Bo'],
    keywords: ['x', 'y'],
    abstract: 'Abs.',
    language: 'en',
    version: '1.2.3',
    status: 'final',
    edition: 'Release 1.2.3, final, 1 January 2026',
    date: '2026-01-01',
    licence: 'CC-BY-4.0',
    url: 'https://s/alpha/',
    fileName: 'f.pdf',
  };
  const options = {
    date: new Date('2026-06-03T00:00:00Z'),
    creator: 'srida test',
    producer: 'test',
  };

  test('an incremental update keeps every original byte and adds the metadata', async () => {
    const original = await samplePdf(false);
    const stamped = await stampMetadata(original, metadata, options);
    expect(
      Buffer.compare(Buffer.from(stamped.subarray(0, original.length)), Buffer.from(original)),
    ).toBe(0);
    const reread = await PDFDocument.load(stamped, { updateMetadata: false });
    expect(reread.getTitle()).toBe('Ålpha (draft)');
    expect(reread.getAuthor()).toBe('Ann; Bo');
    expect(reread.getKeywords()).toBe('x, y');
    expect(reread.getCreationDate()?.toISOString()).toBe('2026-06-03T00:00:00.000Z');
    expect(reread.getPageCount()).toBe(3);
    // Its pages have several content streams each: their untagged text became artifacts too.
    const pdf = new RawPdf(stamped);
    const pages = pdf.pageObjects();
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      const refs = /\/Contents\s*\[([^\]]*)\]/.exec(pdf.object(page))![1]!;
      const first = Number(/(\d+)\s+\d+\s+R/.exec(refs)![1]);
      const content = inflateSync(pdf.stream(first).data).toString('latin1');
      expect(content.startsWith('/Artifact BMC\n'), content.slice(0, 80)).toBe(true);
    }
  });

  test('the superseded Info keeps no other date: its dates are overwritten in place, nothing else changes', async () => {
    const original = Buffer.from(await samplePdf(false, true));
    const stamped = Buffer.from(await stampMetadata(original, metadata, options));
    const changed = [...original.keys()].filter((i) => original[i] !== stamped[i]);
    expect(changed.length).toBeGreaterThan(0);
    const text = stamped.subarray(0, original.length).toString('latin1');
    expect(text).toContain('/CreationDate (D:20260603000000');
    expect(text).toContain('/ModDate (D:20260603000000');
    for (const i of changed) expect(text.slice(i - 30, i + 1)).toMatch(/Date \(D:\d*$/);
  });

  test('a file this reader cannot handle (cross-reference streams) fails loudly, never half-stamped', async () => {
    const original = await samplePdf(true);
    expect(() => new RawPdf(original)).toThrow(UnsupportedPdf);
    const failure = await stampMetadata(original, metadata, options).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(PdfError);
    expect((failure as PdfError).message).toMatch(/^Cannot finish the PDF of `alpha`: \S/);
    expect((failure as PdfError).hint).toContain('so it was not written');
    // Reading the page layout still works on any PDF.
    expect((await readPageLayout(original)).pages).toBe(3);
  });

  test('PDF strings: literal with escapes and nesting, and UTF-16 hex', () => {
    expect(readString('(a \\(b\\) (c) \\101)', 0)).toEqual({ value: 'a (b) (c) A', end: 18 });
    expect(readString('<FEFF00C5006C>', 0).value).toBe('Ål');
  });
});

describe('artifacts', () => {
  const stream =
    'q 1 0 0 1 0 0 cm\nBT /F1 9 Tf <0001> Tj ET\n/P <</MCID 0 >>BDC\nBT <0002> Tj ET\nEMC\nq 0 0 10 10 re f Q\n/Span<</ActualText <FEFF0041> >> BDC <0003> Tj EMC\n';
  test('marks outside any marked-content sequence become artifacts; tagged content is left alone', () => {
    expect(wrapUntagged(Buffer.from(stream, 'latin1'))!.toString('latin1')).toBe(
      '/Artifact BMC\nq 1 0 0 1 0 0 cm\nBT /F1 9 Tf <0001> Tj ET\n\nEMC\n/P <</MCID 0 >>BDC\nBT <0002> Tj ET\nEMC/Artifact BMC\n\nq 0 0 10 10 re f Q\n\nEMC\n/Span<</ActualText <FEFF0041> >> BDC <0003> Tj EMC\n',
    );
  });
  test('nothing to mark: no change', () => {
    expect(
      wrapUntagged(Buffer.from('/P <</MCID 0 >>BDC BT <01> Tj ET EMC q Q 1 0 0 RG', 'latin1')),
    ).toBeUndefined();
  });
  test('the quick scan finds the same marked-content operators as the full tokenizer', () => {
    const fast = markedContent(stream);
    const full = markedContent(`${stream}(a string) Tj\n`).slice(0, fast.length);
    expect(fast).toEqual(full);
    expect(fast.map((t) => t.op)).toEqual(['BDC', 'EMC', 'BDC', 'EMC']);
    expect(fast[2]!.operandsStart).toBe(stream.indexOf('/Span'));
  });
});

describe('node names', () => {
  test("Chromium's node-numbered names are renumbered from 1, in place, keeping their order", () => {
    const a = Buffer.from(
      '<< /Names [(node00003622) 1 0 R (node00003650) 2 0 R] >> /ID (node00003650) /Headers [(node00003622)] (nodes)',
      'latin1',
    );
    const b = Buffer.from(
      a
        .toString('latin1')
        .replace(/node0000(\d{4})/g, (_m, n: string) => `node0000${Number(n) + 3}`),
      'latin1',
    );
    const out = Buffer.from(renumberNodeNames(a)).toString('latin1');
    expect(out).toBe(
      '<< /Names [(node00000001) 1 0 R (node00000002) 2 0 R] >> /ID (node00000002) /Headers [(node00000001)] (nodes)',
    );
    expect(out.length).toBe(a.length);
    expect(Buffer.from(renumberNodeNames(b)).toString('latin1')).toBe(out);
    const none = Buffer.from('no names here', 'latin1');
    expect(renumberNodeNames(none)).toBe(none);
  });
});
