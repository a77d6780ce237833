import { assembleProject } from '../../assemble/assemble-project.ts';
import { projectStages } from '../../stages.ts';
import type { CommandOptions } from '../parse-args.ts';
import type { Output } from '../output.ts';
import { printTimingsTable } from '../print-timings.ts';
import { Timings } from '../../util/timings.ts';
import {
  collectDiagnostics,
  formatDiagnostic,
  summarize,
  type Diagnostic,
} from '../../diagnostics/collect.ts';

/** Exit code for a set of diagnostics: 1 on any error (or any warning when strict). */
export function exitCodeFor(diagnostics: readonly Diagnostic[], strict: boolean): number {
  const failing = diagnostics.filter((d) => d.severity === 'error' || strict);
  return failing.length > 0 ? 1 : 0;
}

/** `srida check`: assemble everything, print every problem, exit 1 on errors. */
export async function runCheck(
  options: CommandOptions,
  output: Output,
  timings = options.timings ? new Timings() : undefined,
): Promise<number> {
  const started = performance.now();
  const project = await assembleProject(options.root, {
    extensions: projectStages({ writeAnchors: true }),
    timings,
  });
  const diagnostics = collectDiagnostics(project.files);
  for (const diagnostic of diagnostics) {
    (diagnostic.severity === 'error' ? output.error : output.info)(formatDiagnostic(diagnostic));
  }
  const chapters = project.documents.reduce((n, d) => n + d.chapters.length, 0);
  if (!options.quiet || diagnostics.length > 0) {
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    output.info(
      `srida check: ${count(project.documents.length, 'document')}, ${count(chapters, 'chapter')}, ${summarize(diagnostics)} (${Math.round(performance.now() - started)} ms)`,
    );
  }
  // A build prints its own table, with the site and the prints after the check.
  if (timings && options.command === 'check')
    printTimingsTable(timings, output, performance.now() - started);
  return exitCodeFor(diagnostics, options.strict);
}
