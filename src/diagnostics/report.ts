import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** Severity of a content problem: an `error` fails `srida check`, a `warning` only with `--strict`. */
export type Severity = 'error' | 'warning';

/** Where a problem is: a unist point or position (1-based line and column). */
export type Place =
  | { line: number; column: number; offset?: number }
  | {
      start: { line: number; column: number; offset?: number };
      end: { line: number; column: number; offset?: number };
    }
  | undefined
  | null;

/**
 * Record a content problem on the file it was found in.
 *
 * Every diagnostic of the project goes through here so that they all carry the same fields:
 * a short reason (Markdown, backticks around names), the place, a rule id and an optional hint
 * that says how to fix it. The CLI's reporter prints them; nothing else prints.
 *
 * @param file file the problem is in (its `path` is relative to the project root).
 * @param severity `error` or `warning`.
 * @param reason what is wrong.
 * @param place where (node position, or a point).
 * @param ruleId stable id of the rule, e.g. `xref-unknown`.
 * @param hint how to fix it (shown on a second line).
 */
export function report(
  file: VFile,
  severity: Severity,
  reason: string,
  place: Place,
  ruleId: string,
  hint?: string,
): VFileMessage {
  const message = file.message(reason, { place: place ?? undefined, ruleId, source: 'srida' });
  message.fatal = severity === 'error';
  if (hint) message.note = hint;
  return message;
}

/** Severity of a message made by {@link report} (or by any vfile user). */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal ? 'error' : 'warning';
}
