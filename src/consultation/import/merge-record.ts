/**
 * Add imported comments to a consultation record's YAML text. Comments already in the record
 * (by id) are left exactly as they are, whatever the source says now: what the editors wrote
 * (`disposition`, `response`, `changed`, or a corrected anchor) is never overwritten. The rest of
 * the file, comments included, is kept; new comments are appended, oldest first.
 */
import { isMap, isSeq, parseDocument, type Document, type YAMLSeq } from 'yaml';

/** A comment ready for the record: its place in the draft resolved. */
export interface RecordEntry {
  id: string;
  anchor?: string;
  ref?: string;
  type: string;
  respondent?: string;
  organisation?: string;
  received?: string;
  source?: string;
  comment: string;
  proposedChange: string;
}

export interface MergeResult {
  /** The new text; undefined when nothing was added (the file need not be written). */
  text?: string;
  added: string[];
  /** Already in the record, with the same text. */
  unchanged: string[];
  /** Already in the record, but the source's text differs now (left as it was). */
  differing: string[];
}

/** The header of a new record. */
export function recordHeader(document: string, version: string): string {
  return `# Comments of the public consultation on \`${document}\` ${version}, and what the editors did
# with them. Written by \`srida consult import\`: run it again to add new comments; it never
# changes a comment that is already here. For each comment the editors fill in
#   disposition: accepted | partially-accepted | noted | declined | out-of-scope
#   response:    the answer, published with the comment
#   changed:     anchors of the working text that the comment led to, e.g. [p-3fk2a]
# The other fields come from the respondent: anchor and ref (the paragraph of the draft; both
# absent for a comment on the whole draft), type (general, technical, editorial), respondent
# (a name published with the respondent's consent), organisation, received (UTC), source (a forge
# issue), comment and proposedChange. \`srida check\` checks this file; see docs/consultation.md.
`;
}

/** Parse the existing text (or start a record) and append the new entries. */
export function mergeRecord(
  existing: Document | undefined,
  document: string,
  version: string,
  entries: readonly RecordEntry[],
): MergeResult {
  const yaml =
    existing ??
    parseDocument(
      `${recordHeader(document, version)}document: ${document}\nversion: ${JSON.stringify(version)}\ncomments: []\n`,
    );
  if (!isMap(yaml.contents)) throw new Error('the consultation record is not a mapping');
  let comments = yaml.get('comments', true);
  if (!isSeq(comments)) {
    comments = yaml.createNode([]);
    yaml.set('comments', comments);
  }
  // Checked above, or made by `createNode([])`, which gives a sequence.
  const seq = comments as YAMLSeq;
  const present = new Map<string, { comment?: unknown; proposedChange?: unknown }>();
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const id = item.get('id');
    if (typeof id === 'string')
      present.set(id, { comment: item.get('comment'), proposedChange: item.get('proposedChange') });
  }
  const result: MergeResult = { added: [], unchanged: [], differing: [] };
  const fresh: RecordEntry[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const old = present.get(entry.id);
    if (!old) fresh.push(entry);
    else if (old.comment === entry.comment && (old.proposedChange ?? '') === entry.proposedChange)
      result.unchanged.push(entry.id);
    else result.differing.push(entry.id);
  }
  fresh.sort((a, b) => (a.received ?? '\uffff').localeCompare(b.received ?? '\uffff'));
  if (fresh.length > 0 && seq.flow) seq.flow = false;
  for (const entry of fresh) {
    seq.items.push(yaml.createNode(plainEntry(entry)));
    result.added.push(entry.id);
  }
  if (result.added.length === 0 && existing) return result;
  result.text = yaml.toString({
    lineWidth: 0,
    blockQuote: 'literal',
    nullStr: '',
    flowCollectionPadding: false,
  });
  return result;
}

/** The entry in the record's key order; empty optional fields left out, editors' fields empty. */
function plainEntry(entry: RecordEntry): Record<string, unknown> {
  const plain: Record<string, unknown> = { id: entry.id };
  for (const key of ['anchor', 'ref'] as const) if (entry[key]) plain[key] = entry[key];
  plain.type = entry.type;
  for (const key of ['respondent', 'organisation', 'received', 'source'] as const)
    if (entry[key]) plain[key] = entry[key];
  plain.comment = entry.comment;
  if (entry.proposedChange) plain.proposedChange = entry.proposedChange;
  plain.disposition = null;
  plain.response = null;
  plain.changed = [];
  return plain;
}
