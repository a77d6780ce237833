import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PdfError } from './errors.ts';
import { findBrowser } from './find-browser.ts';
import { launchBrowser } from './launch-browser.ts';
import { printDocument } from './print-document.ts';
import type { PrintProgress } from './progress.ts';
import { withRetry } from './retry.ts';
import { serveSite } from './serve-site.ts';
import { stampMetadata } from './stamp-metadata.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';

export interface PrintPdfsOptions {
  /** The built site (holds `<doc>/print/index.html`). */
  site: string;
  /** Where the PDFs go. Default: `<site>/pdf`. */
  outDir?: string;
  /** Document ids to print. Default: every document with a print edition. */
  documents?: readonly string[];
  /** Two-sided layout: chapters on right-hand pages, mirrored margins. Default: `false`. */
  duplex?: boolean;
  /** Limit for starting the browser, loading a page and each print, in ms. Default: `180000`. */
  timeoutMs?: number;
  /** Creation date written into the PDFs. Default: `SOURCE_DATE_EPOCH` if set, else now. */
  date?: Date;
  /** Aborting closes the browser and rejects with the signal's reason (wire it to Ctrl-C). */
  signal?: AbortSignal;
  onProgress?: (event: PrintProgress) => void;
  /** Browser lookup, for tests. Default: {@link findBrowser}. */
  findBrowser?: typeof findBrowser;
}

/** One PDF written. */
export interface PrintedPdf {
  documentId: string;
  file: string;
  pages: number;
  /** How many times Chromium printed the document (2 unless page numbers needed another round). */
  passes: number;
  bytes: number;
  ms: number;
}

/**
 * Print the PDFs of a built site: find Chromium, serve the site on 127.0.0.1, print every
 * document's print edition concurrently in one browser (two prints each, for the page numbers
 * of the contents), stamp the metadata, and write `spectrum-<doc>-v<version>.pdf` atomically.
 * A crash or timeout is retried once. The browser, the server and the browser's profile are
 * always cleaned up, also when aborted. Rejects with a {@link PdfError} naming every document
 * that failed and why; documents that printed are written all the same.
 */
export async function printPdfs(options: PrintPdfsOptions): Promise<PrintedPdf[]> {
  const site = path.resolve(options.site);
  const outDir = path.resolve(options.outDir ?? path.join(site, 'pdf'));
  const timeoutMs = options.timeoutMs ?? 180_000;
  const { signal } = options;
  signal?.throwIfAborted();
  const documents = await selectDocuments(site, options.documents);
  const browserFound = await (options.findBrowser ?? findBrowser)();
  const date = options.date ?? sourceDate() ?? new Date();
  const server = await serveSite(site);
  const holder = await launchBrowser(browserFound.executablePath, timeoutMs);
  const onAbort = () => void holder.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const first = await holder.get();
    const version = await first.version();
    options.onProgress?.({ document: '*', stage: 'launch', browser: version });
    const creator = `srida ${await toolVersion()}`;
    const producer = `${version} (Skia/PDF) via Puppeteer`;
    const results = await Promise.allSettled(
      documents.map((documentId) =>
        withRetry(
          async () => {
            const started = performance.now();
            const printed = await printDocument({
              browser: await holder.get(),
              origin: server.origin,
              documentId,
              duplex: options.duplex ?? false,
              timeoutMs,
              onProgress: options.onProgress,
            });
            const bytes = await stampMetadata(printed.bytes, printed.metadata, {
              date,
              creator,
              producer,
              headings: printed.headings,
            });
            const file = path.join(outDir, printed.metadata.fileName);
            await writeFileAtomic(file, bytes);
            const result: PrintedPdf = {
              documentId,
              file,
              pages: printed.pages,
              passes: printed.passes,
              bytes: bytes.length,
              ms: performance.now() - started,
            };
            options.onProgress?.({
              document: documentId,
              stage: 'written',
              file,
              pages: result.pages,
              passes: result.passes,
              ms: result.ms,
            });
            return result;
          },
          {
            signal,
            onRetry: (error) =>
              options.onProgress?.({
                document: documentId,
                stage: 'retry',
                reason: firstLine(error),
              }),
          },
        ),
      ),
    );
    signal?.throwIfAborted();
    const failed = results.flatMap((result, index) =>
      result.status === 'rejected'
        ? [{ documentId: documents[index]!, error: result.reason as unknown }]
        : [],
    );
    if (failed.length === 1 && failed[0]!.error instanceof PdfError) throw failed[0]!.error;
    if (failed.length > 0) {
      throw new PdfError(
        `${failed.length} of ${documents.length} PDFs failed`,
        failed.map((f) => (f.error instanceof PdfError ? f.error.hint : undefined)).find(Boolean),
        failed.map(
          (f) => `${f.documentId}: ${f.error instanceof Error ? f.error.message : String(f.error)}`,
        ),
      );
    }
    return results.map((result) => (result as PromiseFulfilledResult<PrintedPdf>).value);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await holder.close();
    await server.close();
  }
}

/** Ids of the documents that have a print edition in the built site, sorted. */
export async function listPrintEditions(site: string): Promise<string[]> {
  const entries = await readdir(site, { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const found = await stat(path.join(site, entry.name, 'print', 'index.html')).catch(
      () => undefined,
    );
    if (found?.isFile()) ids.push(entry.name);
  }
  return ids.sort();
}

async function selectDocuments(
  site: string,
  wanted: readonly string[] | undefined,
): Promise<string[]> {
  const available = await listPrintEditions(site);
  if (available.length === 0) {
    throw new PdfError(
      `No print edition found in \`${site}\``,
      'Build the site first (`srida build --no-pdf`), or point `--out` at the built site.',
    );
  }
  if (!wanted || wanted.length === 0) return available;
  const unknown = wanted.filter((id) => !available.includes(id));
  if (unknown.length > 0) {
    throw new PdfError(
      `Unknown document ${unknown.map((id) => `\`${id}\``).join(', ')}`,
      `Documents in this site: ${available.map((id) => `\`${id}\``).join(', ')}.`,
    );
  }
  return [...new Set(wanted)];
}

/** `SOURCE_DATE_EPOCH` (reproducible builds), if set. */
function sourceDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
}

async function toolVersion(): Promise<string> {
  const json = await readFile(new URL('../../package.json', import.meta.url), 'utf8').catch(
    () => '{}',
  );
  return (JSON.parse(json) as { version?: string }).version ?? 'unknown';
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
