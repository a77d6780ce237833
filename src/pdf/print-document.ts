import type { Browser, PDFOptions } from 'puppeteer';
import { PdfError } from './errors.ts';
import { guardPage, type PageGuard } from './guard-page.ts';
import {
  applyPagination,
  enableDuplex,
  inlineSvgImages,
  readHeadings,
  readPrintData,
  settleLayout,
} from './in-page.ts';
import type { PrintMetadata } from './print-edition.ts';
import type { PrintProgress } from './progress.ts';
import { readPageLayout } from './read-destinations.ts';

/** At most this many prints of one document before giving up on the page numbers settling. */
const maxPasses = 4;

export interface PrintDocumentOptions {
  browser: Browser;
  /** Origin of the local server of the built site. */
  origin: string;
  documentId: string;
  /** Two-sided: chapters open on right-hand pages, mirrored margins. */
  duplex: boolean;
  /** Limit for loading the page and for each print, in ms. */
  timeoutMs: number;
  onProgress?: (event: PrintProgress) => void;
}

export interface PrintedDocument {
  metadata: PrintMetadata;
  /** The final print, as Chromium wrote it. */
  bytes: Uint8Array;
  /** Text of every heading in order (what the bookmarks must say). */
  headings: string[];
  pages: number;
  passes: number;
}

/**
 * Print one document's print edition (`/<doc>/print/`) to PDF, as often as it takes for the
 * page numbers in its contents (and, two-sided, the right-hand chapter openings) to be right:
 * a quick first print tells where every heading landed; the page numbers (and blank pages) go
 * in; a full print (tagged, with bookmarks) follows and is checked the same way. Usually two.
 */
export async function printDocument(options: PrintDocumentOptions): Promise<PrintedDocument> {
  const { browser, origin, documentId, duplex, timeoutMs } = options;
  const progress = (event: PrintProgress) => options.onProgress?.(event);
  const page = await browser.newPage();
  try {
    page.setDefaultTimeout(timeoutMs);
    const guard = await guardPage(page, origin);
    await page.emulateMediaType('print');
    progress({ document: documentId, stage: 'load' });
    const url = `${origin}/${documentId}/print/`;
    const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    if (!response?.ok())
      throw new PdfError(
        `The print edition of \`${documentId}\` did not load (${response?.status() ?? 'no response'} for ${url})`,
        'Build the site first: `srida build --no-pdf`.',
        guard.problems,
      );
    const metadata = (await page.evaluate(readPrintData)) as PrintMetadata | null;
    if (!metadata)
      throw new PdfError(
        `${url} is not a print edition (no \`#srida-print-data\`)`,
        'Rebuild the site with this version of srida.',
      );
    if (duplex) await page.evaluate(enableDuplex);
    await page.evaluate(inlineSvgImages);
    await page.evaluate(settleLayout);
    failOnProblems(guard, documentId);
    for (let pass = 1; pass <= maxPasses; pass++) {
      const full = pass > 1;
      progress({ document: documentId, stage: 'pass', pass });
      const bytes = await page.pdf(pdfOptions(full, timeoutMs));
      failOnProblems(guard, documentId);
      const { pages, destinations } = await readPageLayout(bytes);
      progress({ document: documentId, stage: 'printed', pass, pages });
      const step = await page.evaluate(applyPagination, Object.fromEntries(destinations), duplex);
      if (step.missing.length > 0) {
        throw new PdfError(
          `The contents of \`${documentId}\` link to anchors the page does not have`,
          'This is a bug in the print edition; please report it.',
          step.missing.map((id) => `#${id}`),
        );
      }
      if (full && step.changedNumbers === 0 && step.changedBlanks === 0)
        return {
          metadata,
          bytes,
          pages,
          passes: pass,
          headings: await page.evaluate(readHeadings),
        };
    }
    throw new PdfError(
      `The page numbers of \`${documentId}\` did not settle after ${maxPasses} prints`,
      'Something in the print edition changes its layout when page numbers are filled in; check src/styles/print.css (`.toc-page` must keep a fixed width).',
    );
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Chromium's print options: the first (measuring) print skips tags and bookmarks, which do not change the layout. */
function pdfOptions(full: boolean, timeout: number): PDFOptions {
  return {
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
    outline: full,
    tagged: full,
    waitForFonts: true,
    timeout,
  };
}

function failOnProblems(guard: PageGuard, documentId: string) {
  if (guard.problems.length === 0) return;
  throw new PdfError(
    `Printing \`${documentId}\` failed`,
    'Every file the print edition uses must come from the built site; fix or remove what is listed.',
    [...new Set(guard.problems)],
  );
}
