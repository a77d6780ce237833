import { PdfError } from './errors.ts';
import type { PrintMetadata } from './print-edition.ts';
import { appendUpdate } from './incremental-update.ts';
import { markArtifacts } from './mark-artifacts.ts';
import { RawPdf, UnsupportedPdf, readString } from './raw-pdf.ts';
import { renumberNodeNames } from './stable-names.ts';
import { xmpPacket } from './xmp.ts';

export interface StampOptions {
  /** Creation and modification date. */
  date: Date;
  /** Creator tool, e.g. `srida 0.1.0`. */
  creator: string;
  /** Producer, e.g. `Chromium 156 (Skia/PDF) via Puppeteer`. */
  producer: string;
  /**
   * The text of every heading of the page, in order: bookmarks whose title differs are corrected.
   * Chromium 156 doubles the title of a heading that a `break-after: avoid` moved to the next
   * page ("2.4.22.4.2 Title Title"); its tags and text are right, only the bookmark is wrong.
   */
  headings?: readonly string[];
}

/**
 * Write the document's metadata into a printed PDF, in the Info dictionary and as XMP (which
 * PDF/UA and archives read): title (shown as the window title), editors as authors, subtitle as
 * subject, keywords, language, creator, producer, dates, and the document version (`/Version` in
 * Info, `xmpMM:VersionID` in XMP). Chromium's tags and links are kept; bookmarks it got wrong are
 * corrected, and what it left untagged (running headers, folios, rules) becomes artifacts.
 *
 * Appends an incremental update (milliseconds, whatever the size). This is the one
 * post-processing path: a file it cannot read (not the classic cross-reference table and
 * uncompressed catalog Chromium writes) fails with a {@link PdfError} saying what it found,
 * rather than being written without its artifact marks, fixed dates or metadata.
 */
export async function stampMetadata(
  printed: Uint8Array,
  metadata: PrintMetadata,
  options: StampOptions,
): Promise<Uint8Array> {
  // Chromium's destination and structure names carry a process-wide DOM node counter: the same
  // page prints with names shifted by a few from one run to the next. Number them from 1.
  const bytes = renumberNodeNames(printed);
  try {
    return await appendMetadata(new RawPdf(bytes), metadata, options);
  } catch (error) {
    if (!(error instanceof UnsupportedPdf)) throw error;
    throw new PdfError(
      `Cannot finish the PDF of \`${metadata.documentId}\`: ${error.message}`,
      'srida adds metadata, artifact marks and fixed dates to the PDF Chromium prints (a classic cross-reference table, an uncompressed catalog and page contents). This file is not in that form, so it was not written. A Chromium that writes another form needs support in src/pdf/raw-pdf.ts; please report its version.',
    );
  }
}

/** The Info dictionary entries, as PDF objects in text. */
function infoEntries(metadata: PrintMetadata, options: StampOptions): [string, string][] {
  const date = pdfDate(options.date);
  return [
    ['Title', pdfText(metadata.title)],
    ['Author', pdfText(metadata.editors.join('; '))],
    ['Subject', pdfText(subjectOf(metadata))],
    ['Keywords', pdfText(metadata.keywords.join(', '))],
    ['Creator', pdfText(options.creator)],
    ['Producer', pdfText(options.producer)],
    ['CreationDate', pdfText(date)],
    ['ModDate', pdfText(date)],
    ['Version', pdfText(metadata.version)],
  ];
}

async function appendMetadata(
  pdf: RawPdf,
  metadata: PrintMetadata,
  options: StampOptions,
): Promise<Uint8Array> {
  const size = Number(/\/Size\s+(\d+)/.exec(pdf.trailer)?.[1] ?? Number.NaN);
  if (!Number.isInteger(size)) throw new UnsupportedPdf('trailer without /Size');
  const root = pdf.root;
  const infoNumber = size;
  const xmpNumber = size + 1;
  let catalog = pdf.object(root);
  if (!catalog.endsWith('>>')) throw new UnsupportedPdf('catalog is not a dictionary');
  catalog = catalog.replace(/\/Metadata\s+\d+\s+\d+\s+R/, '');
  const extra: string[] = [`/Metadata ${xmpNumber} 0 R`];
  if (!/\/Lang\b/.test(catalog)) extra.push(`/Lang ${pdfText(metadata.language)}`);
  if (!/\/DisplayDocTitle\s+true/.test(catalog)) {
    if (/\/ViewerPreferences\b/.test(catalog))
      throw new UnsupportedPdf('viewer preferences without DisplayDocTitle');
    extra.push('/ViewerPreferences << /DisplayDocTitle true >>');
  }
  const xmp = xmpPacket(metadata, options);
  const objects = new Map<number, (string | Uint8Array)[]>([
    [root, [`${catalog.slice(0, -2)} ${extra.join(' ')} >>`]],
    [
      infoNumber,
      [
        `<< ${infoEntries(metadata, options)
          .map(([key, value]) => `/${key} ${value}`)
          .join(' ')} >>`,
      ],
    ],
    [
      xmpNumber,
      [`<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n`, xmp, '\nendstream'],
    ],
  ]);
  for (const item of correctedOutline(pdf, options.headings)) objects.set(item.number, [item.dict]);
  for (const [number, body] of await markArtifacts(pdf)) objects.set(number, body);
  return appendUpdate(withChromiumDates(pdf, options.date), objects, {
    Size: String(size + 2),
    Root: `${root} 0 R`,
    Info: `${infoNumber} 0 R`,
  });
}

/**
 * Chromium's own Info dictionary stays in the file, superseded: overwrite its print-time dates
 * in place (same length, so no offset moves) so that the file carries only the chosen date,
 * e.g. `SOURCE_DATE_EPOCH` for a reproducible release.
 */
function withChromiumDates(pdf: RawPdf, date: Date): RawPdf {
  const info = RawPdf.ref(pdf.trailer, 'Info');
  const offset = info === undefined ? undefined : pdf.offsets.get(info);
  if (offset === undefined) return pdf;
  const end = pdf.text.indexOf('endobj', offset);
  const stamp = `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
  const bytes = Buffer.from(pdf.bytes);
  let changed = false;
  for (const match of pdf.text
    .slice(offset, end)
    .matchAll(/\/(?:CreationDate|ModDate)\s*\((D:\d{14})/g)) {
    bytes.write(stamp, offset + match.index + match[0].length - match[1]!.length, 'latin1');
    changed = true;
  }
  return changed ? new RawPdf(bytes) : pdf;
}

/** Outline items whose title is not their heading's text, with the title replaced. */
function correctedOutline(
  pdf: RawPdf,
  headings: readonly string[] | undefined,
): { number: number; dict: string }[] {
  if (!headings) return [];
  const items = pdf.outlineItems();
  // Only when bookmarks and headings correspond one to one; otherwise leave Chromium's as they are.
  if (items.length !== headings.length) return [];
  return items.flatMap((item, index) => {
    const heading = headings[index]!;
    if (item.title === heading) return [];
    const key = /\/Title\s*/.exec(item.dict)!;
    const { end } = readString(item.dict, key.index + key[0].length);
    return [
      {
        number: item.number,
        dict: `${item.dict.slice(0, key.index)}/Title ${pdfText(heading)} ${item.dict.slice(end)}`,
      },
    ];
  });
}

function subjectOf(metadata: PrintMetadata): string {
  return metadata.subtitle ?? metadata.abstract;
}

/** A PDF text string: literal `( … )` for ASCII, UTF-16BE hex with a byte-order mark otherwise. */
function pdfText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, '\\$&')})`;
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

/** `D:20260603120000Z` */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
