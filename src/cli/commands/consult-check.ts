import { checkConsultation } from '../../consultation/check-consultation.ts';
import type { CommandOptions } from '../parse-args.ts';
import type { Output } from '../output.ts';
import { collectDiagnostics, formatDiagnostic, summarize } from '../../diagnostics/collect.ts';
import { exitCodeFor } from './check.ts';

/**
 * `srida consult check`: the consultation records' rules on their own (the `changed` rule needs
 * the working text's anchors, which this command does not compute: it is skipped here). Exit 1
 * on errors (with `--strict`, on warnings too).
 */
export async function runConsultCheck(options: CommandOptions, output: Output): Promise<number> {
  if (options.positionals.length > 0) {
    output.error(`srida consult check: unexpected argument \`${options.positionals[0]}\``);
    return 2;
  }
  const started = performance.now();
  const files = await checkConsultation(options.root);
  const diagnostics = collectDiagnostics(files);
  for (const diagnostic of diagnostics)
    (diagnostic.severity === 'error' ? output.error : output.info)(formatDiagnostic(diagnostic));
  if (!options.quiet || diagnostics.length > 0)
    output.info(
      `srida consult check: ${files.length} file${files.length === 1 ? '' : 's'}, ${summarize(diagnostics)} (${Math.round(performance.now() - started)} ms)`,
    );
  return exitCodeFor(diagnostics, options.strict);
}
