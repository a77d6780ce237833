import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import type { CommandOptions } from '../parse-args.ts';
import type { Output } from '../output.ts';
import { runCheck } from './check.ts';
import { buildSite, OutputRefused } from '../../site/build-site.ts';
import { checkOutputFolder } from '../../site/output-folder.ts';
import { printStep } from './pdf.ts';
import { printTimingsTable } from '../print-timings.ts';
import { Timings } from '../../util/timings.ts';

/** Thrown inside the build when printing failed, to discard the build (exit code kept). */
class PrintFailed extends Error {
  readonly code: number;
  constructor(code: number) {
    super('printing failed');
    this.code = code;
  }
}

/**
 * `srida build`: check, then build the site and (unless `--no-pdf`) print its PDFs into a
 * temporary folder, which replaces `--out` only when everything succeeded. A failed print keeps
 * the previous site and PDFs as they were; with `--no-pdf` the previous PDFs are carried over.
 */
export async function runBuild(options: CommandOptions, output: Output): Promise<number> {
  // A usage error before anything runs: an output folder that would delete content.
  const guard = checkOutputFolder(options.root, options.out);
  if (!guard.ok) return refuseOutput(guard.reason, guard.hint, output);
  const timings = options.timings ? new Timings() : undefined;
  const began = performance.now();
  try {
    return await build(options, output, timings);
  } finally {
    if (timings) printTimingsTable(timings, output, performance.now() - began);
  }
}

async function build(
  options: CommandOptions,
  output: Output,
  timings: Timings | undefined,
): Promise<number> {
  const checked = await (timings
    ? timings.time('check', () => runCheck({ ...options, strict: false }, output, timings))
    : runCheck({ ...options, strict: false }, output));
  if (checked !== 0) {
    output.error('srida build: not building because `srida check` found errors.');
    return checked;
  }
  const started = performance.now();
  try {
    const result = await buildSite({
      root: options.root,
      out: options.out,
      quiet: options.quiet,
      timings,
      beforeSwap: options.noPdf
        ? async (dir) => {
            // The download links of the new site keep working: the PDFs of the previous build
            // stay (as they were, not printed again).
            const previous = path.join(path.resolve(options.out), 'pdf');
            if (!existsSync(previous)) return;
            await cp(previous, path.join(dir, 'pdf'), { recursive: true });
            output.info(
              `srida build: kept the PDFs of the previous build in ${previous} (--no-pdf: not printed again).`,
            );
          }
        : async (dir) => {
            const code = await printStep(
              {
                site: dir,
                finalSite: options.out,
                quiet: options.quiet,
                duplex: options.duplex,
                timings,
              },
              output,
            );
            if (code !== 0) throw new PrintFailed(code);
          },
    });
    output.info(
      `srida build: site${options.noPdf ? '' : ' and PDFs'} written to ${result.out} (${result.pages} pages, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    output.info(
      `srida build: search index of ${result.search.pages} chapter pages, ${(result.search.bytes / 1024).toFixed(0)} KiB, built in ${(result.search.ms / 1000).toFixed(2)} s`,
    );
    return 0;
  } catch (error) {
    if (error instanceof OutputRefused) return refuseOutput(error.message, error.hint, output);
    if (error instanceof PrintFailed) {
      output.error(
        `srida build: the PDFs could not be printed; ${options.out} was left as it was.`,
      );
      return error.code;
    }
    throw error;
  }
}

function refuseOutput(reason: string, hint: string, output: Output): number {
  output.error(`srida build: refused: ${reason}. Nothing was changed.\n  hint: ${hint}`);
  return 2;
}
