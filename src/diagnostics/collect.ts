import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { severityOf } from './report.ts';

/** One message, flattened for printing and for tests. */
export interface Diagnostic {
  path: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  reason: string;
  ruleId: string;
  hint?: string;
}

/** Every message of every file, sorted by path and position. */
export function collectDiagnostics(files: readonly VFile[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    for (const message of file.messages as VFileMessage[]) {
      diagnostics.push({
        path: file.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        severity: severityOf(message),
        reason: message.reason,
        ruleId: message.ruleId ?? 'unknown',
        hint: message.note,
      });
    }
  }
  return diagnostics.sort(
    (a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column,
  );
}

/** `path:line:column  severity  reason  rule-id`, then `  hint: …` when there is one. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const head = `${diagnostic.path}:${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity}  ${diagnostic.reason}  ${diagnostic.ruleId}`;
  return diagnostic.hint ? `${head}\n  hint: ${diagnostic.hint}` : head;
}

/** The closing line: "2 errors, 1 warning" or "no problems". */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return 'no problems';
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
