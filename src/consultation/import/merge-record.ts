/**
 * Add imported comments to a consultation record's YAML text. Comments already in the record
 * (by id) are left exactly as they are, whatever the source says now: what the editors wrote
 * (`disposition`, `response`, `changed`, or a corrected anchor) is never overwritten. The rest of
 * the file, comments included, is kept; new comments are appended, oldest first.
 */
import { isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import { appendComments } from './append-record.ts';

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

/**
 * Add the entries that are not in the record yet. `existing` is the record's text and its data
 * (read with `loadFast`); without it a new record is started. New comments are appended to the
 * text (`append-record.ts`); a record laid out so that this is not safe is edited as a YAML
 * document instead, which keeps its comments and layout too, only more slowly.
 */
export function mergeRecord(
  existing: { text: string; data: unknown } | undefined,
  document: string,
  version: string,
  entries: readonly RecordEntry[],
): MergeResult {
  const data = existing?.data as { comments?: unknown } | undefined;
  const before = Array.isArray(data?.comments) ? (data.comments as unknown[]) : [];
  const present = new Map<string, { comment?: unknown; proposedChange?: unknown }>();
  for (const item of before) {
    const value = item as { id?: unknown; comment?: unknown; proposedChange?: unknown } | null;
    if (typeof value?.id === 'string') present.set(value.id, value);
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
  if (fresh.length === 0 && existing) return result;
  fresh.sort((a, b) => (a.received ?? '\uffff').localeCompare(b.received ?? '\uffff'));
  result.added = fresh.map((entry) => entry.id);
  const items = fresh.map(plainEntry);
  const text =
    existing?.text ??
    `${recordHeader(document, version)}document: ${document}\nversion: ${JSON.stringify(version)}\ncomments: []\n`;
  result.text = appendComments(text, before, items) ?? appendToDocument(text, items);
  return result;
}

/** The slow way: edit the parsed document (comments and layout kept), and write it out. */
function appendToDocument(text: string, items: readonly Record<string, unknown>[]): string {
  const yaml = parseDocument(text);
  if (!isMap(yaml.contents)) throw new Error('the consultation record is not a mapping');
  let comments = yaml.get('comments', true);
  if (!isSeq(comments)) {
    comments = yaml.createNode([]);
    yaml.set('comments', comments);
  }
  // Checked above, or made by `createNode([])`, which gives a sequence.
  const seq = comments as YAMLSeq;
  if (items.length > 0 && seq.flow) seq.flow = false;
  for (const item of items) seq.items.push(yaml.createNode(item));
  return yaml.toString({
    lineWidth: 0,
    blockQuote: 'literal',
    nullStr: '',
    flowCollectionPadding: false,
  });
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
