/**
 * The public export of the comments: what may leave the server. The columns are those of the
 * CEN/IEC comment table (paragraph, line, clause, type, comment, proposed change) and then the
 * anchor, the id, the draft, the respondent (only when they consented), the organisation and the
 * time. The e-mail address is never exported, and comments hidden as spam are left out.
 */
import type { CommentType } from '../schemas/consultation.ts';
import { clauseOf, type AnchorIndex } from './anchor-record.ts';
import { toCsv } from './csv.ts';
import type { StoredComment } from './store.ts';

/** One exported comment (JSON), the same fields as the CSV's columns. */
export interface ExportedComment {
  paragraph: string;
  line: string;
  clause: string;
  type: CommentType;
  comment: string;
  proposedChange: string;
  anchor: string | null;
  id: string;
  document: string;
  version: string;
  respondent: string | null;
  organisation: string | null;
  received: string;
}

/** The JSON export, recognised by `srida consult import` by its `format`. */
export interface ExportFile {
  format: typeof exportFormat;
  formatVersion: 1;
  exported: string;
  comments: ExportedComment[];
}

export const exportFormat = 'srida-consultation-export';

/** CSV header and the field of each column, in the comment table's order. */
export const csvColumns: readonly (readonly [string, keyof ExportedComment])[] = [
  ['Paragraph', 'paragraph'],
  ['Line', 'line'],
  ['Clause', 'clause'],
  ['Type', 'type'],
  ['Comment', 'comment'],
  ['Proposed change', 'proposedChange'],
  ['Anchor', 'anchor'],
  ['Id', 'id'],
  ['Document', 'document'],
  ['Version', 'version'],
  ['Respondent', 'respondent'],
  ['Organisation', 'organisation'],
  ['Received', 'received'],
];

/** Find the anchor record of a draft, for the line and the current reference. */
export type AnchorsLookup = (document: string, version: string) => AnchorIndex | undefined;

/** A stored comment as it is published. */
export function toExported(comment: StoredComment, anchors?: AnchorIndex): ExportedComment {
  const block = comment.anchor ? anchors?.byAnchor.get(comment.anchor) : undefined;
  const ref = block?.ref ?? comment.ref ?? '';
  return {
    paragraph: ref,
    line: block?.line === undefined ? '' : String(block.line),
    clause: comment.anchor ? clauseOf(ref) : 'General',
    type: comment.type,
    comment: comment.text,
    proposedChange: comment.proposedChange,
    anchor: comment.anchor,
    id: comment.id,
    document: comment.document,
    version: comment.version,
    respondent: comment.consent && comment.name ? comment.name : null,
    organisation: comment.organisation || null,
    received: comment.received,
  };
}

/** The published comments: hidden ones left out. */
function published(comments: readonly StoredComment[], anchors: AnchorsLookup): ExportedComment[] {
  return comments
    .filter((comment) => !comment.hidden)
    .map((comment) => toExported(comment, anchors(comment.document, comment.version)));
}

/** The JSON export (pretty-printed, one comment per block). */
export function exportJson(
  comments: readonly StoredComment[],
  anchors: AnchorsLookup,
  now: Date,
): string {
  const file: ExportFile = {
    format: exportFormat,
    formatVersion: 1,
    exported: now.toISOString(),
    comments: published(comments, anchors),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The CSV export (see `csv.ts` for its quoting and formula safety). */
export function exportCsv(comments: readonly StoredComment[], anchors: AnchorsLookup): string {
  return toCsv([
    csvColumns.map(([header]) => header),
    ...published(comments, anchors).map((row) => csvColumns.map(([, key]) => row[key] ?? '')),
  ]);
}
