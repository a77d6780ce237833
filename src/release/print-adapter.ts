import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants } from 'node:fs';
import { printPdfs } from '../pdf/print-pdfs.ts';

export interface PrintDocumentPdfOptions {
  /** Content root of the build (for messages). */
  root: string;
  /** The built site (holds `<document>/print/`). */
  siteDir: string;
  documentId: string;
  /** Where the PDF goes; never overwritten. */
  out: string;
  /** Fixed date of the PDF's metadata (seconds since 1970, as `SOURCE_DATE_EPOCH`). */
  sourceDateEpoch: number;
}

export interface PrintedReleasePdf {
  pages: number;
  bytes: number;
  /** Browser that printed it, e.g. `Chrome/156.0.8078.79`. */
  chromium: string;
  /** `srida <version>`. */
  tool: string;
}

/**
 * Print one document of a built site to `out`, one-sided, with the PDF's dates fixed to
 * `sourceDateEpoch`: the seam between releases and the PDF stage (`src/pdf/print-pdfs.ts`).
 * The printer writes `spectrum-<doc>-v<version>.pdf` into a temporary folder; the file is then
 * copied to the release's stable name, failing rather than replacing an existing file.
 */
export async function printDocumentPdf(
  options: PrintDocumentPdfOptions,
): Promise<PrintedReleasePdf> {
  const temp = await mkdtemp(path.join(tmpdir(), 'srida-release-pdf-'));
  let chromium = 'unknown';
  try {
    const [printed] = await printPdfs({
      site: options.siteDir,
      outDir: temp,
      documents: [options.documentId],
      duplex: false,
      date: new Date(options.sourceDateEpoch * 1000),
      onProgress: (event) => {
        if (event.stage === 'launch') chromium = event.browser;
      },
    });
    if (!printed) throw new Error(`The printer returned no PDF for \`${options.documentId}\``);
    await copyFile(printed.file, options.out, constants.COPYFILE_EXCL);
    return {
      pages: printed.pages,
      bytes: printed.bytes,
      chromium,
      tool: `srida ${await toolVersion()}`,
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function toolVersion(): Promise<string> {
  const json = await readFile(new URL('../../package.json', import.meta.url), 'utf8').catch(
    () => '{}',
  );
  return (JSON.parse(json) as { version?: string }).version ?? 'unknown';
}
