/**
 * The PDFs themselves, checked with the tools a reader's software uses (poppler, qpdf, pdf-lib):
 * built once with `srida build` (site, then PDFs) from the basic fixture plus two long chapters.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PDFRawStream } from 'pdf-lib';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assembleProject,
  type AssembledDocument,
  type AssembledProject,
} from '../../src/assemble/assemble-project.ts';
import { printPdfs } from '../../src/pdf/print-pdfs.ts';
import { projectStages } from '../../src/stages.ts';
import {
  expectedEntries,
  expectedOutline,
  headerLine,
  headingLine,
  outlineTitles,
  readContents,
  targetIsOn,
} from './expectations.ts';
import {
  buildSite,
  keepForRemoval,
  links,
  makePdfFixture,
  outline,
  pageTexts,
  pdfInfo,
  removeTemporary,
  temporary,
  tool,
  toolRoot,
  wordBoxes,
  type OutlineNode,
} from './helpers.ts';

let root: string;
let site: string;
let project: AssembledProject;
let alpha: AssembledDocument;
let alphaPdf: string;
let betaPdf: string;
let pages: string[][];
/** The fixture's commit, abbreviated as the working edition names it. */
let commit: string;
/** `project.yaml` of an organisation that is not SPECTRUM. */
const otherOrganisation = [
  'name: Alpha Org',
  'tagline: Alpha & Beta',
  'publisher: Alpha Org Foundation',
  'funding: Alpha Org is funded by the Example Science Fund, grant 42.',
  'filePrefix: alphaorg-',
  '',
].join('\n');
/** The build's fixed "now": 2 December 2026. */
const buildEpoch = String(Date.parse('2026-12-02T00:00:00Z') / 1000);
let bookmarks: OutlineNode[];
let buildOutput: string;

beforeAll(async () => {
  root = await makePdfFixture();
  keepForRemoval(root);
  // Another organisation's facts (project.yaml): nothing of SPECTRUM's may show (issue 12.6).
  await writeFile(path.join(root, 'project.yaml'), otherOrganisation);
  // A committed, clean tree: the working edition names its commit (src/release/edition.ts).
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', 'fixture');
  commit = git('rev-parse', '--short=7', 'HEAD');
  site = path.join(await temporary('srida-pdf-site-'), 'dist');
  const built = await buildSite(['--root', root, '--out', site], {
    CI: 'true',
    SOURCE_DATE_EPOCH: buildEpoch,
  });
  buildOutput = built.stdout + built.stderr;
  expect(built.code, buildOutput).toBe(0);
  project = await assembleProject(root, { extensions: projectStages() });
  alpha = project.documents.find((d) => d.id === 'alpha')!;
  alphaPdf = path.join(site, 'pdf', `alphaorg-alpha-0.0.0+dev.${commit}-working-draft.pdf`);
  betaPdf = path.join(site, 'pdf', `alphaorg-beta-0.0.0+dev.${commit}-working-draft.pdf`);
  pages = await pageTexts(alphaPdf);
  bookmarks = await outline(alphaPdf);
});

afterAll(removeTemporary);

/** First page of each chapter, from the bookmarks (checked against the text below). */
function chapterRanges(): {
  chapter: AssembledDocument['chapters'][number];
  first: number;
  last: number;
}[] {
  return alpha.chapters.map((chapter, index) => ({
    chapter,
    first: bookmarks[index]!.page,
    last: (bookmarks[index + 1]?.page ?? pages.length + 1) - 1,
  }));
}

describe('srida build prints the PDFs after the site', () => {
  test('one PDF per document, named as a working draft of its commit, nothing else in pdf/', async () => {
    expect((await readdir(path.join(site, 'pdf'))).sort()).toEqual([
      `alphaorg-alpha-0.0.0+dev.${commit}-working-draft.pdf`,
      `alphaorg-beta-0.0.0+dev.${commit}-working-draft.pdf`,
    ]);
    expect(buildOutput).toContain('2 PDFs written');
    expect(buildOutput).not.toContain('print 1'); // CI=true: no progress lines
  });

  test('page count is sane and every page after the cover has its folio "n / total"', async () => {
    const info = await pdfInfo(alphaPdf);
    const total = Number(info.Pages);
    expect(total).toBe(pages.length);
    expect(total).toBeGreaterThanOrEqual(15);
    expect(total).toBeLessThanOrEqual(40);
    expect(pages[0]!.some((l) => /^\d+ \/ \d+$/.test(l))).toBe(false);
    for (let n = 2; n <= total; n++)
      expect(pages[n - 1]!.at(-1), `page ${n}`).toBe(`${n} / ${total}`);
    expect(Number((await pdfInfo(betaPdf)).Pages)).toBeGreaterThanOrEqual(3);
  });
});

describe('metadata and accessibility', () => {
  test('tagged, titled, with editors, subject, keywords, creator, producer and dates', async () => {
    const info = await pdfInfo(alphaPdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Alpha Document');
    expect(info.Author).toBe('Test Editor');
    expect(info.Subject).toBe('The first test document.');
    expect(info.Creator).toMatch(/^srida \d/);
    expect(info.Producer).toMatch(/Chrom/);
    expect(info.CreationDate).toMatch(/\d{4}/);
    expect(info['Metadata Stream']).toBe('yes');
  });

  test('document language, window title, version and XMP metadata are in the file', async () => {
    const pdf = await PDFDocument.load(await readFile(alphaPdf), { updateMetadata: false });
    expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en');
    const preferences = pdf.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(preferences.lookup(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
    expect(info.lookup(PDFName.of('Version'), PDFString).decodeText()).toBe(`0.0.0+dev.${commit}`);
    const xmp = new TextDecoder().decode(
      (pdf.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).contents,
    );
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Alpha Document</rdf:li>');
    expect(xmp).toContain(`<xmpMM:VersionID>0.0.0+dev.${commit}</xmpMM:VersionID>`);
    expect(
      pdf.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).lookup(PDFName.of('Marked'))?.toString(),
    ).toBe('true');
  });

  test('every font is embedded, and the text is set in the fonts the project ships', async () => {
    const rows = (await tool('pdffonts', [alphaPdf])).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/\s+/).at(-5), row).toBe('yes');
    const names = rows.map((row) => row.split(/\s+/)[0]!);
    expect(names.some((n) => n.includes('SourceSerif4'))).toBe(true);
    expect(names.some((n) => n.includes('SourceSans3'))).toBe(true);
  });

  test('qpdf --check finds no problems', async () => {
    for (const file of [alphaPdf, betaPdf])
      expect(await tool('qpdf', ['--check', file])).toContain(
        'No syntax or stream encoding errors',
      );
  });

  test('figures carry their alt text in the tag tree', async () => {
    const text = await tool('qpdf', ['--qdf', '--object-streams=disable', alphaPdf, '-']);
    expect(text).toMatch(/\/Alt \(A box diagram\)[\s\S]{0,200}\/S \/Figure/);
  });

  test('nothing is painted outside tagged content or an artifact (running headers and folios are artifacts)', async () => {
    const text = await tool('qpdf', ['--qdf', '--object-streams=disable', alphaPdf, '-']);
    const streams = [
      ...text.matchAll(/%% Contents for page (\d+)\n[\s\S]*?\nstream\n([\s\S]*?)\nendstream/g),
    ];
    expect(streams.length).toBe(pages.length);
    for (const [, page, content] of streams) {
      let depth = 0;
      for (const [op] of content!.matchAll(/\b(BDC|BMC|EMC|Tj|TJ)\b/g)) {
        if (op === 'BDC' || op === 'BMC') depth++;
        else if (op === 'EMC') depth--;
        else expect(depth, `text outside marked content on page ${page}`).toBeGreaterThan(0);
      }
    }
    // The running header is among the artifacts: the first text of page 2 is inside one.
    const page2 = streams[1]![2]!;
    expect(page2.indexOf('/Artifact BMC')).toBeLessThan(page2.indexOf('Tj'));
  });

  test('text comes out in reading order (pdftotext)', () => {
    const lines = pages.flat();
    const order = [
      'Contents',
      'Summary',
      '1 Introduction',
      'Some text with a footnote.1',
      '1.1 Scope',
      '1.1.1 Details',
      'Figure 1.1. The diagram caption.',
      'Table 1.1. Numbers we use.',
      '1.2 Scope',
      'Priority P1 Do the first thing',
      '2 Federation in depth',
      'A Extra material',
    ];
    const at = order.map((line) => lines.indexOf(line));
    expect(
      at.every((index) => index >= 0),
      JSON.stringify(Object.fromEntries(order.map((l, i) => [l, at[i]]))),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('no text outside the text block (nothing overflows the page or its margins)', async () => {
    const mm = 72 / 25.4;
    for (const [index, page] of (await wordBoxes(alphaPdf)).entries()) {
      const margin = index === 0 ? 26 * mm : 24 * mm - 0.5; // the cover has its own margins
      for (const word of page.words) {
        // 1 pt of slack: Chromium's A4 is 594.96 pt wide, 0.3 pt less than A4.
        expect(word.xMin, `page ${index + 1}: ${word.text}`).toBeGreaterThanOrEqual(margin - 1);
        expect(word.xMax, `page ${index + 1}: ${word.text}`).toBeLessThanOrEqual(
          page.width - margin + 1,
        );
        expect(word.yMin, `page ${index + 1}: ${word.text}`).toBeGreaterThanOrEqual(0);
        expect(word.yMax, `page ${index + 1}: ${word.text}`).toBeLessThanOrEqual(page.height);
      }
    }
  });
});

describe('the working edition (not a release)', () => {
  const label = () =>
    `Working draft (no release yet), built from commit ${commit} on 2 December 2026`;

  test('the PDF cover says what it is, with no release status', () => {
    const cover = pages[0]!.join(' ').replace(/\s+/g, ' ');
    expect(cover).toContain(`Edition ${label()}; not a release.`);
    expect(cover).not.toMatch(/\bFinal\b/);
  });

  test('the landing page, the home page and "cite this" say the same', async () => {
    const text = (html: string) =>
      html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const landing = text(await readFile(path.join(site, 'alpha/index.html'), 'utf8'));
    expect(landing).toContain(`Version 0.0.0+dev.${commit} Edition ${label()}`);
    expect(landing).toContain('Status Working draft');
    expect(landing).toContain(
      `Alpha, working draft 0.0.0+dev.${commit}, as PDF (A4) — this edition as built from the current text, not a release.`,
    );
    expect(landing).toContain(
      'There is no release yet: this cites the working draft as built on 2 December 2026.',
    );
    // "Final" stays only as the status of chapters in the contents, never of the document.
    expect(landing).not.toMatch(/Status Final|Version 0\.1\.0/);
    const html = await readFile(path.join(site, 'alpha/index.html'), 'utf8');
    expect(html).toContain(`href="/pdf/alphaorg-alpha-0.0.0+dev.${commit}-working-draft.pdf"`);
    const home = text(await readFile(path.join(site, 'index.html'), 'utf8'));
    expect(home).toContain(`Working draft ${label()}`);
  });
});

describe('no project facts in the tool', () => {
  test('another organisation: its own facts, and no SPECTRUM anywhere in the site or the PDFs', async () => {
    const foreign = /SPECTRUM|Horizon Europe|101131550/;
    const files = (await readdir(site, { recursive: true })).filter((name) =>
      /\.(html|json|xml|txt|css|js|svg|cff|md)$/.test(name),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) {
      const text = await readFile(path.join(site, name), 'utf8');
      expect(foreign.exec(text)?.[0], name).toBeUndefined();
    }
    for (const pdf of [alphaPdf, betaPdf]) {
      expect((await pageTexts(pdf)).flat().join('\n')).not.toMatch(foreign);
      expect((await readFile(pdf)).toString('latin1')).not.toMatch(foreign);
    }
    const landing = await readFile(path.join(site, 'alpha/index.html'), 'utf8');
    expect(landing).toContain('<title>Alpha Document · Alpha Org</title>');
    expect(landing).toContain('Alpha Org is funded by the Example Science Fund, grant 42.');
    expect(landing).toContain('institution = {Alpha Org Foundation}');
  });
});

describe('book layout', () => {
  test('the cover shows title, version, status, date, editors and the funding statement, and is no heading', () => {
    const cover = pages[0]!.join('\n');
    for (const text of [
      'Alpha Document',
      `Version 0.0.0+dev.${commit}`,
      'Status Working draft',
      'Date 2 December 2026',
      'Editors Test Editor',
      'Alpha Org',
      'Alpha Org is funded by the Example Science Fund, grant 42.',
    ]) {
      expect(cover).toContain(text);
    }
    expect(bookmarks.map((b) => b.title)).not.toContain('Alpha Document');
  });

  test('bookmarks are exactly the chapter and section tree, each pointing at its heading', () => {
    expect(outlineTitles(bookmarks)).toEqual(expectedOutline(alpha));
    const walk = (nodes: OutlineNode[]) => {
      for (const node of nodes) {
        expect(pages[node.page - 1], `${node.title} on page ${node.page}`).toContain(node.title);
        walk(node.kids);
      }
    };
    walk(bookmarks);
  });

  test('every contents and list entry has a page number, and it is the page its heading, figure, table or priority is printed on', () => {
    const entries = expectedEntries(alpha, project.registry.ofDocument('alpha'));
    const firstChapter = bookmarks[0]!.page;
    const numbers = readContents(pages, entries, firstChapter - 1);
    expect(entries.filter((e) => !numbers.has(e.id)).map((e) => e.text)).toEqual([]);
    for (const entry of entries) {
      const page = numbers.get(entry.id)!;
      expect(entry.isOn(pages[page - 1] ?? []), `${entry.text} → page ${page}`).toBe(true);
    }
    // The long chapters make the numbers non-trivial.
    expect(Math.max(...numbers.values())).toBeGreaterThan(15);
  });

  test('each chapter opens a new page, and the running header of every one of its pages names it', () => {
    for (const { chapter, first, last } of chapterRanges()) {
      expect(first <= last, chapter.id).toBe(true);
      expect(pages[first - 1]!.slice(0, 3), chapter.id).toContain(
        headingLine(chapter.number, chapter.title),
      );
      if (first > 1)
        expect(pages[first - 2], `${chapter.id}: previous page`).not.toContain(
          headingLine(chapter.number, chapter.title),
        );
      for (let page = first; page <= last; page++) {
        expect(pages[page - 1]![0], `${chapter.id}, page ${page}`).toBe(
          headerLine('Alpha', chapter),
        );
      }
    }
  });

  test('a long table breaks between rows and repeats its header row on the next page', () => {
    const withRows = pages
      .map((lines, index) => ({
        index,
        rows: lines.filter((l) => /^Item \d+ /.test(l)).length,
        header: lines.includes('Item Kind Value'),
      }))
      .filter((p) => p.rows > 0);
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(page.header, `page ${page.index + 1}`).toBe(true);
    expect(withRows.reduce((n, p) => n + p.rows, 0)).toBe(70);
  });
});

describe('links', () => {
  test('cross-references, contents and lists link to the page of their target', async () => {
    const all = await links(alphaPdf);
    const internal = all.filter((l) => l.dest !== undefined);
    expect(internal.length).toBeGreaterThan(30);
    const targets = new Map(project.registry.ofDocument('alpha').map((t) => [t.id, t]));
    let checked = 0;
    for (const link of internal) {
      expect(link.destPage, `#${link.dest} resolves`).toBeDefined();
      const target = targets.get(link.dest!);
      if (!target) continue;
      expect(
        targetIsOn(target)(pages[link.destPage! - 1]!),
        `#${link.dest} (page ${link.page}) → page ${link.destPage}`,
      ).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(25);
    // Body cross-references, not only the contents: "Back to [](#scope)" in chapter 2.
    const fedStart = bookmarks[2]!.page;
    expect(internal.some((l) => l.page >= fedStart && l.dest === 'scope')).toBe(true);
  });

  test('links to the other document and the site point at the web edition; no link points at the local server', async () => {
    const uris = (await links(alphaPdf)).flatMap((l) => (l.uri ? [l.uri] : []));
    expect(uris).toContain('https://spectrum-srida.example.org/beta/method/#approach');
    expect(uris).toContain('https://spectrum-srida.example.org/alpha/');
    expect(uris.filter((u) => !u.startsWith('https://'))).toEqual([]);
    const betaUris = (await links(betaPdf)).flatMap((l) => (l.uri ? [l.uri] : []));
    expect(betaUris).toContain('https://spectrum-srida.example.org/alpha/intro/#first-priority');
  });
});

describe('reproducible prints', () => {
  test('printing the same site twice gives the same bytes', async () => {
    const date = new Date('2026-06-03T00:00:00Z');
    const [first, second] = [
      await temporary('srida-pdf-again-'),
      await temporary('srida-pdf-again-'),
    ];
    const one = await printPdfs({ site, outDir: first, date });
    const two = await printPdfs({ site, outDir: second, date });
    expect(two.map((p) => path.basename(p.file))).toEqual(one.map((p) => path.basename(p.file)));
    for (const [index, printed] of one.entries()) {
      const [a, b] = [await readFile(printed.file), await readFile(two[index]!.file)];
      expect(a.equals(b), path.basename(printed.file)).toBe(true);
    }
  });
});

describe('two-sided printing', () => {
  let duplexPdf: string;
  let duplexPages: string[][];
  let duplexOutline: OutlineNode[];
  beforeAll(async () => {
    const outDir = await temporary('srida-pdf-duplex-');
    const [printed] = await printPdfs({ site, outDir, documents: ['alpha'], duplex: true });
    duplexPdf = printed!.file;
    duplexPages = await pageTexts(duplexPdf);
    duplexOutline = await outline(duplexPdf);
  });

  test('every chapter and the contents open on a right-hand (odd) page, with blank pages in between', () => {
    expect(duplexPages[1]).toEqual([]); // back of the cover
    expect(duplexPages[2]).toContain('Contents');
    for (const node of duplexOutline) expect(node.page % 2, node.title).toBe(1);
    const blanks = duplexPages
      .map((lines, index) => (lines.length === 0 ? index + 1 : 0))
      .filter(Boolean);
    expect(blanks.length).toBeGreaterThanOrEqual(2);
    for (const blank of blanks)
      expect(duplexPages[blank]!.length, `page after blank ${blank}`).toBeGreaterThan(0);
  });

  test('contents page numbers stay right with the blank pages', () => {
    const entries = expectedEntries(alpha, project.registry.ofDocument('alpha'));
    const numbers = readContents(duplexPages, entries, duplexOutline[0]!.page - 1);
    expect(numbers.size).toBe(entries.length);
    for (const entry of entries)
      expect(entry.isOn(duplexPages[numbers.get(entry.id)! - 1] ?? []), entry.text).toBe(true);
  });

  test('folios sit on the outer side: left on even pages, right on odd ones', async () => {
    const boxes = await wordBoxes(duplexPdf);
    const folioStart = (page: number) =>
      boxes[page - 1]!.words.filter((w) => /^\d+$/.test(w.text)).at(-2)!;
    const total = boxes.length;
    for (const page of [4, 5, total - 1, total].filter((p) => duplexPages[p - 1]!.length > 0)) {
      const start = folioStart(page);
      expect(start.text, `page ${page}`).toBe(String(page));
      if (page % 2 === 0)
        expect(start.xMin, `page ${page}`).toBeLessThan(boxes[page - 1]!.width / 3);
      else expect(start.xMin, `page ${page}`).toBeGreaterThan(boxes[page - 1]!.width / 2);
    }
  });
});

describe('Ctrl-C', () => {
  test('SIGINT during a print closes the browser, removes its profile, exits 130 and leaves the PDFs as they were', async () => {
    const before = await readFile(alphaPdf);
    const folder = await temporary('srida-pdf-sigint-');
    const child = spawn(
      process.execPath,
      [path.join(toolRoot, 'bin/srida.mjs'), 'pdf', '--out', site],
      { env: { ...process.env, TMPDIR: folder, CI: '' } },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (/print 1/.test(stdout) && !child.killed) child.kill('SIGINT');
      });
      child.on('close', (exitCode) => resolve(exitCode));
    });
    expect(code, stdout + stderr).toBe(130);
    expect(stderr).toContain('Interrupted');
    expect(Buffer.compare(before, await readFile(alphaPdf))).toBe(0);
    expect(readdirSync(folder).filter((n) => n.startsWith('srida-pdf-'))).toEqual([]);
    expect(browsersUsing(folder)).toEqual([]);
  });
});

/** Processes whose command line mentions `folder` (a browser profile left running). */
function browsersUsing(folder: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(path.join('/proc', pid, 'cmdline'), 'utf8').includes(folder))
        found.push(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}
