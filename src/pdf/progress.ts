/** What the printer is doing, for a progress display (the CLI prints it; tests collect it). */
export type PrintProgress =
  | { document: string; stage: 'load' }
  | { document: string; stage: 'pass'; pass: number }
  | { document: string; stage: 'printed'; pass: number; pages: number }
  | { document: string; stage: 'retry'; reason: string }
  | { document: string; stage: 'written'; file: string; pages: number; passes: number; ms: number }
  | { document: '*'; stage: 'launch'; browser: string };

/** One line of progress in words, e.g. `srida: pass 2 of the print (148 pages)`. */
export function describeProgress(event: PrintProgress): string {
  switch (event.stage) {
    case 'launch':
      return `starting ${event.browser}`;
    case 'load':
      return `${event.document}: loading the print edition`;
    case 'pass':
      return `${event.document}: print ${event.pass}${event.pass === 1 ? ' (measuring where headings land)' : ''}`;
    case 'printed':
      return `${event.document}: print ${event.pass} done, ${event.pages} pages`;
    case 'retry':
      return `${event.document}: retrying once after: ${event.reason}`;
    case 'written':
      return `${event.document}: wrote ${event.file} (${event.pages} pages, ${event.passes} prints, ${(event.ms / 1000).toFixed(1)} s)`;
  }
}
