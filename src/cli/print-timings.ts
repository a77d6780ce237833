import type { PrintProgress } from '../pdf/progress.ts';
import { formatTimings, type Timings } from '../util/timings.ts';
import type { Output } from './output.ts';

/**
 * Turn the printer's progress events into timed steps: starting the browser, and per document
 * loading the print edition, each print, and the work after each (after the measuring print:
 * contents numbers; after the last: bookmarks, metadata, artifacts, writing). Documents print side by side, so their steps overlap.
 */
export function printTimer(timings: Timings): (event: PrintProgress) => void {
  const started = performance.now();
  const last = new Map<string, { step: string; at: number }>();
  const close = (document: string, now: number) => {
    const open = last.get(document);
    if (open) timings.add(`pdf ${document}: ${open.step}`, now - open.at);
    last.delete(document);
  };
  return (event) => {
    const now = performance.now();
    switch (event.stage) {
      case 'launch':
        timings.add('pdf: start the browser', now - started);
        return;
      case 'load':
        last.set(event.document, { step: 'load the print edition', at: now });
        return;
      case 'pass':
        close(event.document, now);
        last.set(event.document, { step: `print ${event.pass}`, at: now });
        return;
      case 'printed':
        close(event.document, now);
        last.set(event.document, { step: `after print ${event.pass}`, at: now });
        return;
      case 'retry':
        close(event.document, now);
        return;
      case 'written':
        close(event.document, now);
        return;
    }
  };
}

/** Print the table of `--timings` (on standard error with the other messages). */
export function printTimingsTable(timings: Timings, output: Output, totalMs?: number): void {
  output.info('Where the time went (wall time; stages that overlap are counted in each):');
  for (const line of formatTimings(timings.steps)) output.info(line);
  if (totalMs !== undefined)
    output.info(`  ${'total'.padEnd(4)}  ${(totalMs / 1000).toFixed(2)} s`);
}
