import path from 'node:path';
import { checkOutputFolder } from '../../site/output-folder.ts';
import { PdfError } from '../../pdf/errors.ts';
import { printPdfs, type PrintedPdf } from '../../pdf/print-pdfs.ts';
import { describeProgress, type PrintProgress } from '../../pdf/progress.ts';
import { Timings } from '../../util/timings.ts';
import type { Output } from '../output.ts';
import { printTimer, printTimingsTable } from '../print-timings.ts';
import type { CommandOptions } from '../parse-args.ts';

/** Options of the PDF step, shared by `srida pdf` and `srida build`. */
export interface PdfStepOptions {
  /** The built site. */
  site: string;
  documents?: string[];
  quiet: boolean;
  /** Where `site` will end up, for messages (the build prints into a staging folder first). */
  finalSite?: string;
  /** Two-sided layout (chapters open on right-hand pages); also `SRIDA_PDF_DUPLEX=1`. */
  duplex?: boolean;
  env?: Record<string, string | undefined>;
  /** Records the time of each step of the print (`--timings`). */
  timings?: Timings;
}

/**
 * `srida pdf [document...]`: print the PDFs of the site built in `--out` (default `<root>/dist`)
 * into `<out>/pdf/`. Two-sided layout with `--duplex` (or `SRIDA_PDF_DUPLEX=1`).
 */
export async function runPdf(options: CommandOptions, output: Output): Promise<number> {
  const guard = checkOutputFolder(options.root, options.out, { replaces: false });
  if (!guard.ok) {
    output.error(
      `srida pdf: refused: ${guard.reason}. Nothing was changed.\n  hint: ${guard.hint}`,
    );
    return 2;
  }
  const timings = options.timings ? new Timings() : undefined;
  return printStep(
    {
      site: options.out,
      documents: options.positionals,
      quiet: options.quiet,
      duplex: options.duplex,
      timings,
    },
    output,
  ).finally(() => {
    if (timings) printTimingsTable(timings, output);
  });
}

/** One progress handler from the display and the timer, either of which may be absent. */
function progressHandler(
  ...handlers: (((event: PrintProgress) => void) | undefined)[]
): ((event: PrintProgress) => void) | undefined {
  const present = handlers.filter((handler) => handler !== undefined);
  if (present.length === 0) return undefined;
  return (event) => {
    for (const handler of present) handler(event);
  };
}

/**
 * Print with progress on the terminal (one line per step; none with `--quiet` or when
 * `CI=true`, where only the result is printed). Ctrl-C or SIGTERM closes the browser and exits
 * 130. Exit code 1 for a failed print (the message says why), 0 when every PDF is written.
 */
export async function printStep(options: PdfStepOptions, output: Output): Promise<number> {
  const env = options.env ?? process.env;
  const showProgress = !options.quiet && env.CI !== 'true';
  const controller = new AbortController();
  const abort = () =>
    controller.abort(new PdfError('Interrupted: the browser was closed and no PDF was changed'));
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  const started = performance.now();
  /** Name the final folder, not the staging one, in messages. */
  const shown = (text: string) =>
    options.finalSite
      ? text
          .replaceAll(options.site, options.finalSite)
          .replaceAll(displayPath(options.site), displayPath(options.finalSite))
      : text;
  let printed: PrintedPdf[];
  try {
    printed = await printPdfs({
      site: options.site,
      documents: options.documents,
      duplex: options.duplex || env.SRIDA_PDF_DUPLEX === '1' || env.SRIDA_PDF_DUPLEX === 'true',
      signal: controller.signal,
      onProgress: progressHandler(
        showProgress
          ? (event) => output.info(`srida pdf: ${shown(describeProgress(event))}`)
          : undefined,
        options.timings ? printTimer(options.timings) : undefined,
      ),
    });
  } catch (error) {
    if (controller.signal.aborted) {
      output.error(`srida pdf: ${(controller.signal.reason as Error).message}`);
      return 130;
    }
    if (!(error instanceof PdfError)) throw error;
    output.error(`srida pdf: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`);
    return 1;
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
  if (!options.quiet) {
    const list = printed
      .map((pdf) => `${shown(displayPath(pdf.file))} (${pdf.pages} pages)`)
      .join(', ');
    output.info(
      `srida pdf: ${printed.length} PDF${printed.length === 1 ? '' : 's'} written in ${((performance.now() - started) / 1000).toFixed(1)} s: ${list}`,
    );
  }
  return 0;
}

/** A path relative to the current folder when it is below it, else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
