import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InternalError, originalError } from '../diagnostics/internal-error.ts';

/** Where authors report bugs (docs/security.md says how, also for vulnerabilities). */
export const reportTo = 'the maintainers of srida (see docs/security.md, "Reporting a problem")';

/**
 * The message for an unexpected exception: an internal error, the file being processed (where
 * known), a request to report it. The stack is part of the message only with `debug`; otherwise
 * it is written to a debug log in the temporary folder whose path the message gives.
 */
export async function describeInternalError(
  command: string,
  error: unknown,
  debug: boolean,
): Promise<string> {
  const cause = originalError(error);
  const file = error instanceof InternalError ? error.file : undefined;
  const summary = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  const firstLine = summary.split('\n')[0]!.slice(0, 300);
  const stack = cause instanceof Error ? (cause.stack ?? summary) : summary;
  const head = `srida ${command}: internal error${file ? ` while processing ${file}` : ''}: ${firstLine}`;
  const request = `  This is a bug in srida, not a problem in your content: please report it to ${reportTo}`;
  if (debug) return `${head}\n${request}\n${stack}`;
  const log = path.join(tmpdir(), `srida-debug-${process.pid}.log`);
  const written = await writeFile(
    log,
    `srida ${command}${file ? ` (${file})` : ''}\n${new Date().toISOString()}\n${stack}\n`,
  ).then(
    () => true,
    () => false,
  );
  return `${head}\n${request}${written ? `, with the debug log ${log}` : ''}.\n  hint: run again with \`--debug\` (or SRIDA_DEBUG=1) to see the details here.`;
}
