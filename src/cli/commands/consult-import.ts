import { importComments } from '../../consultation/import/import-comments.ts';
import type { CommandOptions } from '../parse-args.ts';
import type { Output } from '../output.ts';
import { collectDiagnostics, formatDiagnostic } from '../../diagnostics/collect.ts';

/**
 * `srida consult import <document> <version> FILE`: add the comments of FILE to
 * `consultation/<document>/<version>.yaml`. Exit 0 when imported, 1 when problems in the file
 * or the record stopped it (nothing written), 2 on a usage error.
 */
export async function runConsultImport(options: CommandOptions, output: Output): Promise<number> {
  const [document, version, input, ...rest] = options.positionals;
  if (!document || !version || !input || rest.length > 0) {
    output.error(
      `srida consult import: ${rest.length > 0 ? `unexpected argument \`${rest[0]}\`` : 'name the document, the version and the file'}\n  usage: srida consult import <document> <version> FILE [--root DIR]\n  e.g.:  srida consult import srida 0.9.0 comments.json`,
    );
    return 2;
  }
  const result = await importComments({ root: options.root, document, version, input });
  const diagnostics = collectDiagnostics(result.files);
  for (const diagnostic of diagnostics)
    (diagnostic.severity === 'error' ? output.error : output.info)(formatDiagnostic(diagnostic));
  if (!result.written) {
    output.error(`srida consult import: nothing was written to ${result.record} (see above).`);
    return 1;
  }
  const skipped = result.skippedIssues;
  const notes = [
    result.otherDraft > 0 && `${result.otherDraft} on another draft`,
    skipped.pullRequests > 0 &&
      `${skipped.pullRequests} pull request${skipped.pullRequests === 1 ? '' : 's'}`,
    skipped.notConsultation > 0 &&
      `${skipped.notConsultation} issue${skipped.notConsultation === 1 ? '' : 's'} that name no paragraph of the draft`,
    skipped.otherDraft > 0 &&
      `${skipped.otherDraft} issue${skipped.otherDraft === 1 ? '' : 's'} on another draft`,
  ].filter(Boolean);
  if (!options.quiet || result.differing.length > 0) {
    output.info(
      `srida consult import: ${result.record}: ${result.added.length} new, ${result.unchanged.length} already there${notes.length > 0 ? `; skipped ${notes.join(', ')}` : ''}`,
    );
  }
  if (result.differing.length > 0)
    output.info(
      `srida consult import: ${result.differing.length} comment${result.differing.length === 1 ? '' : 's'} changed in the source since the first import, left as they are in the record: ${result.differing.slice(0, 10).join(', ')}${result.differing.length > 10 ? ', …' : ''}`,
    );
  return 0;
}
