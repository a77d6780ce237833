/**
 * Read comments from a CSV in the columns of the CEN/IEC comment table: the server's CSV export,
 * or a table the editors assembled from letters and e-mails. Headers are matched without regard
 * to case, with the template's own names as aliases ("Clause/Subclause", "Type of comment",
 * "Comments", "MB/NC" for the organisation). Only `Comment` is required.
 */
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/report.ts';
import { CsvError, parseCsv } from '../csv.ts';
import { commentTypeOf, serverIdPattern, stableId, type IncomingComment } from './incoming.ts';

type Column =
  | 'paragraph'
  | 'line'
  | 'clause'
  | 'type'
  | 'comment'
  | 'proposedChange'
  | 'anchor'
  | 'id'
  | 'document'
  | 'version'
  | 'respondent'
  | 'organisation'
  | 'received';

const aliases: Record<string, Column> = {
  paragraph: 'paragraph',
  'paragraph/figure/table': 'paragraph',
  'paragraph/figure/table/note': 'paragraph',
  ref: 'paragraph',
  line: 'line',
  'line number': 'line',
  clause: 'clause',
  'clause/subclause': 'clause',
  type: 'type',
  'type of comment': 'type',
  comment: 'comment',
  comments: 'comment',
  'proposed change': 'proposedChange',
  'proposed changes': 'proposedChange',
  anchor: 'anchor',
  id: 'id',
  document: 'document',
  version: 'version',
  respondent: 'respondent',
  name: 'respondent',
  organisation: 'organisation',
  organization: 'organisation',
  'mb/nc': 'organisation',
  received: 'received',
  time: 'received',
  date: 'received',
};

/** The comments of a CSV; each bad row is an error at its line. */
export function readCsvComments(file: VFile, text: string): IncomingComment[] {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    report(
      file,
      'error',
      `Invalid CSV: ${error.message}`,
      { line: error.line, column: 1 },
      'consult-import-csv',
      'Save the table again as CSV (UTF-8, comma-separated).',
    );
    return [];
  }
  const [header, ...records] = rows;
  const columns = new Map<Column, number>();
  for (const [index, name] of (header?.cells ?? []).entries()) {
    const column =
      aliases[
        name
          .trim()
          .toLowerCase()
          .replace(/\s*\/\s*/g, '/')
          .replace(/\s+/g, ' ')
      ];
    if (column && !columns.has(column)) columns.set(column, index);
  }
  if (!columns.has('comment')) {
    report(
      file,
      'error',
      'The CSV has no `Comment` column',
      { line: 1, column: 1 },
      'consult-import-csv',
      'The first line names the columns: `Paragraph, Line, Clause, Type, Comment, Proposed change` (and `Anchor`, `Id`, `Respondent`, `Organisation`, … where known).',
    );
    return [];
  }
  const comments: IncomingComment[] = [];
  for (const { line, cells } of records) {
    const get = (column: Column) => {
      const index = columns.get(column);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const comment = get('comment');
    if (comment === '') {
      if (cells.every((cell) => cell.trim() === '')) continue;
      report(
        file,
        'error',
        'Row has no comment',
        { line, column: 1 },
        'consult-import-csv',
        'Fill in the `Comment` cell, or delete the row.',
      );
      continue;
    }
    const type = commentTypeOf(get('type'));
    if (!type) {
      report(
        file,
        'error',
        `Unknown type of comment \`${get('type')}\``,
        { line, column: 1 },
        'consult-import-csv',
        'Use `general`, `technical` or `editorial` (or the table\u2019s `ge`, `te`, `ed`).',
      );
      continue;
    }
    const given = get('id');
    const identity =
      given ||
      JSON.stringify([
        get('document'),
        get('version'),
        get('anchor') || get('paragraph'),
        type,
        comment,
        get('proposedChange'),
        get('respondent'),
        get('organisation'),
      ]);
    comments.push({
      id: serverIdPattern.test(given) ? given : stableId('csv', identity),
      document: get('document') || undefined,
      version: get('version') || undefined,
      anchor: get('anchor') || undefined,
      paragraph: get('paragraph') || undefined,
      type,
      comment,
      proposedChange: get('proposedChange'),
      respondent: get('respondent') || undefined,
      organisation: get('organisation') || undefined,
      received: get('received') || undefined,
      place: () => ({ line, column: 1 }),
    });
  }
  return comments;
}
