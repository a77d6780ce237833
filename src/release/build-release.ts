import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { runAstroBuild } from '../site/astro-build.ts';
import type { ReleaseContext } from './context.ts';
import { printDocumentPdf, type PrintedReleasePdf } from './print-adapter.ts';
import { fullDate, sourceDateEpoch } from './release-date.ts';

export interface BuildReleasePdfOptions {
  /**
   * A throw-away copy of the project at the commit being released (see `exportTree`): its
   * `document.yaml` is rewritten, so never the author's working folder.
   */
  snapshotRoot: string;
  context: ReleaseContext;
  /** Scratch folder for the site build. */
  workDir: string;
  /** Where the PDF goes (must not exist). */
  out: string;
}

/** The document status that a release stage prints as. */
const statusOfStage = { draft: 'consultation', final: 'final' } as const;

/**
 * Build a release's PDF from a snapshot: the document's `version`, `status` and `date` become
 * the release's (so the cover, the file's metadata and the site agree with the manifest and
 * nothing is typed twice), the site is built with the release context among its options (the
 * print page reads it as `document.extensions.releases.building`), and the build and the print
 * are dated at the release date, so that a rebuild gives the same bytes.
 */
export async function buildReleasePdf(options: BuildReleasePdfOptions): Promise<PrintedReleasePdf> {
  const { snapshotRoot, context } = options;
  await setReleaseMetadata(snapshotRoot, context);
  const epoch = sourceDateEpoch(context.date);
  const siteDir = path.join(options.workDir, 'site');
  // Astro keeps the content store in `cacheDir` (default `node_modules/.astro`), shared by every
  // build that uses the same `node_modules`; a release has its own, so that it can never print
  // another build's data.
  await runAstroBuild({
    root: snapshotRoot,
    outDir: siteDir,
    cacheDir: path.join(options.workDir, 'astro-cache'),
    quiet: true,
    release: context,
    now: new Date(epoch * 1000),
  });
  return await printDocumentPdf({
    root: snapshotRoot,
    siteDir,
    documentId: context.document,
    out: options.out,
    sourceDateEpoch: epoch,
  });
}

/**
 * Rewrite `chapters/<document>/document.yaml` of a snapshot with the release's version, status
 * and date. A month-only date (`2025-10`) becomes the first of the month here only because the
 * metadata schema needs a day; the print page shows `building.dateText` ("October 2025").
 */
async function setReleaseMetadata(snapshotRoot: string, context: ReleaseContext): Promise<void> {
  const file = path.join(snapshotRoot, 'chapters', context.document, 'document.yaml');
  const document = parseDocument(await readFile(file, 'utf8'));
  document.set('version', context.version);
  document.set('status', statusOfStage[context.stage]);
  document.set('date', fullDate(context.date) ?? `${context.date}-01`);
  await writeFile(file, document.toString());
}
