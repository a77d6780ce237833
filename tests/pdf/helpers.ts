import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib';

const run = promisify(execFile);
export const toolRoot = path.resolve(import.meta.dirname, '../..');
const basic = path.join(toolRoot, 'tests/fixtures/basic');

/** Words for deterministic filler text. */
const words =
  'federation compute continuum exabyte radio astronomy physics data storage network workflow provenance policy access identity software training sustainability observatory detector pipeline archive'.split(
    ' ',
  );

function paragraph(seed: number, length = 70): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++)
    out.push(words[(seed * 7 + i * 13 + ((i * i) % 5)) % words.length]!);
  out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1);
  return `${out.join(' ')}.`;
}

/** A chapter long enough to run over several pages: sections, subsections, a long table. */
function longChapter(title: string, prefix: string, sections: number, table: boolean): string {
  const parts = [`---\ntitle: ${title}\nstatus: final\n---\n`, paragraph(1), ''];
  for (let s = 1; s <= sections; s++) {
    parts.push(
      `## ${prefix} section ${s} {#${prefix}-s${s}}`,
      '',
      paragraph(s * 3),
      '',
      paragraph(s * 5),
      '',
    );
    if (s === 2)
      parts.push(
        `Back to [](#scope) and on to [](#${prefix}-s${sections}); the other document: [](beta#approach).`,
        '',
      );
    for (let u = 1; u <= 2; u++)
      parts.push(
        `### ${prefix} subsection ${s}.${u}`,
        '',
        paragraph(s * 11 + u),
        '',
        paragraph(s * 13 + u),
        '',
      );
  }
  if (table) {
    const rows = Array.from(
      { length: 70 },
      (_, i) => `| Item ${i + 1} | ${words[i % words.length]} | ${(i * 3.7).toFixed(1)} |`,
    );
    parts.push(
      `:::table{#tbl-${prefix}-long}`,
      'A long table that runs over a page break.',
      '',
      '| Item | Kind | Value |',
      '| --- | --- | --- |',
      ...rows,
      ':::',
      '',
    );
  }
  return parts.join('\n');
}

/**
 * A project for the PDF tests: the `basic` fixture (footnotes, figures, tables, priorities,
 * cross-document links), with two long chapters added to `alpha` so that chapters run over
 * several pages and contents page numbers mean something.
 */
export async function makePdfFixture(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'srida-pdf-fixture-'));
  await cp(basic, root, { recursive: true });
  const alpha = path.join(root, 'chapters/alpha');
  await rename(path.join(alpha, '02-appendix.md'), path.join(alpha, '09-appendix.md'));
  await writeFile(
    path.join(alpha, '02-federation.md'),
    longChapter('Federation in depth', 'fed', 5, true),
  );
  await writeFile(path.join(alpha, '03-operations.md'), longChapter('Operations', 'ops', 4, false));
  return root;
}

/**
 * `srida build …` from a folder of its own. Astro puts its prerender chunks in `<cwd>/.astro/`
 * when the output folder is outside the current folder, so two builds started from the same
 * folder at once (test files run in parallel) would overwrite each other's chunks.
 */
export async function buildSite(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  // Under the tool's node_modules, so that the chunks still resolve the tool's packages.
  const parent = path.join(toolRoot, 'node_modules/.cache');
  await mkdir(parent, { recursive: true });
  const cwd = await mkdtemp(path.join(parent, 'srida-test-cwd-'));
  try {
    return await srida(['build', ...args], env, cwd);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** `node bin/srida.mjs …` on this Node (24); resolves with exit code and output. */
export async function srida(
  args: string[],
  env: Record<string, string> = {},
  cwd = toolRoot,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(toolRoot, 'bin/srida.mjs'), ...args],
      { cwd, env: { ...process.env, ...env }, maxBuffer: 1 << 26 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : 1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
}

export async function tool(command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, args, { maxBuffer: 1 << 28 });
  return stdout;
}

/** `pdfinfo` fields. */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const text = await tool('pdfinfo', [file]);
  return Object.fromEntries(
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** Text of every page (`pdftotext -layout`), lines trimmed, blank lines dropped. */
export async function pageTexts(file: string): Promise<string[][]> {
  const text = await tool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  const pages = text.split('\f');
  pages.pop();
  return pages.map((page) =>
    page
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  );
}

export interface OutlineNode {
  title: string;
  page: number;
  kids: OutlineNode[];
}

/** Bookmarks, from `qpdf --json --json-key=outlines`. */
export async function outline(file: string): Promise<OutlineNode[]> {
  const json = JSON.parse(await tool('qpdf', ['--json', '--json-key=outlines', file])) as {
    outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[];
  };
  const convert = (
    nodes: { title: string; destpageposfrom1: number; kids: unknown[] }[],
  ): OutlineNode[] =>
    nodes.map((node) => ({
      title: node.title,
      page: node.destpageposfrom1,
      // Cast: pdf.js outline nodes nest as the same shape.
      kids: convert(node.kids as never),
    }));
  return convert(json.outlines);
}

/** A link annotation: on which page, and where it goes (a page of this PDF, or a URI). */
export interface PdfLink {
  page: number;
  dest?: string;
  destPage?: number;
  uri?: string;
}

/** Every link annotation of a PDF, with named destinations resolved to pages (pdf-lib). */
export async function links(file: string): Promise<PdfLink[]> {
  const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  const pages = pdf.getPages();
  const pageOf = new Map(pages.map((page, index) => [page.ref.toString(), index + 1]));
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const destPage = (name: string) => {
    const array = dests?.lookupMaybe(PDFName.of(name), PDFArray);
    const ref = array?.get(0);
    return ref instanceof PDFRef ? pageOf.get(ref.toString()) : undefined;
  };
  const result: PdfLink[] = [];
  pages.forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i, PDFDict);
      if (annot.lookup(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
      const dest = annot.lookup(PDFName.of('Dest'));
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookup(PDFName.of('URI'));
      if (dest instanceof PDFName)
        result.push({
          page: index + 1,
          dest: dest.decodeText(),
          destPage: destPage(dest.decodeText()),
        });
      else if (uri instanceof PDFString || uri instanceof PDFHexString)
        result.push({ page: index + 1, uri: uri.decodeText() });
      else result.push({ page: index + 1 });
    }
  });
  return result;
}

/** Words with their boxes (`pdftotext -bbox`), per page, with the page size. */
export async function wordBoxes(file: string): Promise<
  {
    width: number;
    height: number;
    words: { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[];
  }[]
> {
  const html = await tool('pdftotext', ['-bbox', file, '-']);
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(
    (page) => ({
      width: Number(page[1]),
      height: Number(page[2]),
      words: [
        ...page[3]!.matchAll(
          /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
        ),
      ].map((w) => ({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: w[5]!,
      })),
    }),
  );
}

/** Temporary folders made by {@link temporary}, removed by {@link removeTemporary}. */
const scratch: string[] = [];

/** A new temporary folder, removed at the end of the test file by {@link removeTemporary}. */
export async function temporary(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** Remember a folder made elsewhere, so that {@link removeTemporary} removes it too. */
export function keepForRemoval(dir: string): void {
  scratch.push(dir);
}

/** Remove every temporary folder of this test file. */
export async function removeTemporary(): Promise<void> {
  await Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
