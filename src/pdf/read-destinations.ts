import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  PDFString,
  PDFHexString,
  type PDFObject,
} from 'pdf-lib';
import { RawPdf, UnsupportedPdf } from './raw-pdf.ts';

/**
 * Where each named destination of a PDF lands: anchor id → page number (1-based).
 *
 * Chromium writes a named destination for every element that a link in the document points at
 * (`<a href="#id">`), in the catalog's `/Dests` dictionary (or, in other writers, the `/Names`
 * tree). The print edition links every contents and list entry to its target, so after one
 * print this tells the page of every heading, figure, table and recommendation: what Chromium
 * cannot compute itself (`target-counter()`). Also returns the page count. Reads Chromium's
 * output directly ({@link RawPdf}); other files go through pdf-lib.
 */
export async function readPageLayout(
  bytes: Uint8Array,
): Promise<{ pages: number; destinations: Map<string, number> }> {
  try {
    const raw = new RawPdf(bytes);
    return { pages: raw.pageObjects().length, destinations: raw.namedDestinations() };
  } catch (error) {
    if (!(error instanceof UnsupportedPdf)) throw error;
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    return { pages: pdf.getPageCount(), destinations: readDestinations(pdf) };
  }
}

/** {@link readPageLayout} with pdf-lib, for any PDF: anchor id → page number (1-based). */
export function readDestinations(pdf: PDFDocument): Map<string, number> {
  const pageNumbers = new Map<string, number>();
  pdf.getPages().forEach((page, index) => pageNumbers.set(page.ref.toString(), index + 1));
  const result = new Map<string, number>();
  const add = (name: string, value: PDFObject | undefined) => {
    const page = destinationPage(pdf, value);
    const number = page ? pageNumbers.get(page.toString()) : undefined;
    if (number !== undefined) result.set(name, number);
  };
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) {
    for (const [key, value] of dests.entries()) add(decodeName(key), value);
  }
  const names = pdf.catalog
    .lookupMaybe(PDFName.of('Names'), PDFDict)
    ?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (names) walkNameTree(pdf, names, add);
  return result;
}

/** The page a destination value points at: `[page /XYZ …]` or `<< /D [page …] >>`. */
function destinationPage(pdf: PDFDocument, value: PDFObject | undefined): PDFRef | undefined {
  const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
  const array =
    resolved instanceof PDFArray
      ? resolved
      : resolved instanceof PDFDict
        ? resolved.lookupMaybe(PDFName.of('D'), PDFArray)
        : undefined;
  const first = array?.get(0);
  return first instanceof PDFRef ? first : undefined;
}

function walkNameTree(
  pdf: PDFDocument,
  node: PDFDict,
  add: (name: string, value: PDFObject | undefined) => void,
) {
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString)
        add(key.decodeText(), names.get(i + 1));
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) walkNameTree(pdf, kid, add);
  }
}

/** `/scope` → `scope`, undoing `#xx` escapes (`/a#2Db` → `a-b`). */
function decodeName(name: PDFName): string {
  return name.decodeText();
}
