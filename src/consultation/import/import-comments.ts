/**
 * `srida consult import`: read comments from a file (the server's JSON export, a comment-table
 * CSV, or a forge's issue list), place each on its paragraph of the draft through the draft's
 * anchor record, and add the new ones to `consultation/<document>/<version>.yaml` (written
 * atomically). Nothing is written when the input or the existing record has an error. No network.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseYaml } from '../../content/parse-yaml.ts';
import { readSource } from '../../content/read-source.ts';
import { report } from '../../diagnostics/report.ts';
import { readManifest } from '../../release/manifest.ts';
import { writeFileAtomic } from '../../util/write-atomic.ts';
import { findBlock, loadAnchorRecord, type AnchorIndex } from '../anchor-record.ts';
import { recordPath } from '../record-path.ts';
import { loadFast } from '../yaml-fast.ts';
import { type IncomingComment } from './incoming.ts';
import { jsonPlaces } from './json-places.ts';
import { mergeRecord, type RecordEntry } from './merge-record.ts';
import { readCsvComments } from './read-csv.ts';
import { isServerExport, readServerExport } from './read-export.ts';
import { isIssueList, readIssues, type SkippedIssues } from './read-issues.ts';

export interface ImportRequest {
  root: string;
  document: string;
  version: string;
  /** The file to read (absolute, or relative to the current folder). */
  input: string;
}

export interface ImportResult {
  /** False when problems (errors in `files`) stopped the import: nothing was written. */
  written: boolean;
  format?: 'export' | 'csv' | 'issues';
  /** The record, relative to the root. */
  record: string;
  /** The input and the record, with their messages. */
  files: VFile[];
  added: string[];
  unchanged: string[];
  differing: string[];
  /** Comments in the input that are on another draft. */
  otherDraft: number;
  skippedIssues: SkippedIssues;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Run an import (see the module comment). */
export async function importComments(request: ImportRequest): Promise<ImportResult> {
  const { root, document, version } = request;
  const input = new VFile({
    path: path.relative(process.cwd(), path.resolve(request.input)) || request.input,
  });
  const record = recordPath(document, version);
  const result: ImportResult = {
    written: false,
    record,
    files: [input],
    added: [],
    unchanged: [],
    differing: [],
    otherDraft: 0,
    skippedIssues: { pullRequests: 0, notConsultation: 0, otherDraft: 0 },
  };
  const manifest = await readManifest(root, document);
  if (!manifest?.manifest?.releases.some((release) => release.version === version)) {
    report(
      input,
      'error',
      `\`${document}\` has no release ${version}`,
      null,
      'consult-import-draft',
      `Comments are imported for a released draft: see \`releases/${document}/releases.yaml\`.`,
    );
    return result;
  }
  const loaded = await loadAnchorRecord(root, document, version);
  const anchors = loaded.ok ? loaded.index : undefined;
  if (!loaded.ok)
    report(
      input,
      'warning',
      `Paragraphs cannot be placed: ${loaded.reason}`,
      null,
      'consult-import-anchors',
      'Comments keep the anchor their source names; `srida check` will check them once the record exists.',
    );
  let text: string;
  try {
    text = utf8.decode(await readFile(request.input)).replace(/^\ufeff/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    report(
      input,
      'error',
      code ? `Cannot read the file (${code})` : 'The file is not valid UTF-8',
      null,
      'consult-import-read',
      'Name the file the server or the forge exported, saved as UTF-8.',
    );
    return result;
  }
  const incoming = readInput(input, text, { document, version, anchors }, result);
  if (input.messages.some((m) => m.fatal)) return result;
  const entries: RecordEntry[] = [];
  for (const comment of incoming) {
    if (
      (comment.document && comment.document !== document) ||
      (comment.version && comment.version !== version)
    ) {
      result.otherDraft++;
      continue;
    }
    entries.push(place(input, comment, anchors, version));
  }
  const source = await readSource(root, record).catch(() => undefined);
  let existing: { text: string; data: unknown } | undefined;
  if (source) {
    const recordFile = source.file;
    result.files.push(recordFile);
    if (!source.ok) return result;
    const text = String(recordFile.value);
    const data = text === '' ? undefined : loadFast(text);
    // js-yaml could not read it: let `yaml` say where and why, and write nothing.
    if (data === undefined && !parseYaml(recordFile, text)) return result;
    if (!sameDraft(recordFile, data, document, version)) return result;
    existing = { text, data };
  }
  const merged = mergeRecord(existing, document, version, entries);
  Object.assign(result, {
    added: merged.added,
    unchanged: merged.unchanged,
    differing: merged.differing,
  });
  if (merged.text !== undefined)
    await writeFileAtomic(path.join(root, record), new TextEncoder().encode(merged.text));
  result.written = true;
  return result;
}

function readInput(
  file: VFile,
  text: string,
  draft: { document: string; version: string; anchors?: AnchorIndex },
  result: ImportResult,
): IncomingComment[] {
  if (/\.csv$/i.test(file.path) || !/^\s*[[{]/.test(text)) {
    result.format = 'csv';
    return readCsvComments(file, text);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    report(
      file,
      'error',
      `Invalid JSON: ${(error as Error).message}`,
      null,
      'consult-import-format',
      'Save the export as it came from the server or the forge.',
    );
    return [];
  }
  const places = jsonPlaces(text);
  if (isServerExport(json)) {
    result.format = 'export';
    return readServerExport(file, json, places);
  }
  if (isIssueList(json)) {
    result.format = 'issues';
    return readIssues(file, json, places, draft, result.skippedIssues);
  }
  report(
    file,
    'error',
    'The file is neither the server’s export, nor a CSV, nor a list of forge issues',
    null,
    'consult-import-format',
    'Use `/export.json` or `/export.csv` of `srida consult serve`, a CSV with a `Comment` column, or the JSON of GitHub’s `GET /repos/{owner}/{repo}/issues`.',
  );
  return [];
}

/** The comment's anchor and reference, from the anchor record where it can. */
function place(
  file: VFile,
  comment: IncomingComment,
  anchors: AnchorIndex | undefined,
  version: string,
): RecordEntry {
  const entry: RecordEntry = {
    id: comment.id,
    type: comment.type,
    respondent: comment.respondent,
    organisation: comment.organisation,
    received: comment.received,
    source: comment.source,
    comment: comment.comment,
    proposedChange: comment.proposedChange,
  };
  const block = comment.anchor
    ? anchors?.byAnchor.get(comment.anchor)
    : comment.paragraph && anchors
      ? findBlock(anchors, comment.paragraph)
      : undefined;
  if (block) return { ...entry, anchor: block.anchor, ref: block.ref };
  if (anchors && (comment.anchor || comment.paragraph))
    report(
      file,
      'warning',
      comment.anchor
        ? `Anchor \`${comment.anchor}\` is not a paragraph of ${version}`
        : `Paragraph \`${comment.paragraph}\` is not in the anchor record of ${version}; imported without an anchor`,
      comment.place(),
      'consult-import-paragraph',
      comment.anchor
        ? '`srida check` reports it until the editors correct `anchor` in the record.'
        : 'Set its `anchor` in the record by hand.',
    );
  return { ...entry, anchor: comment.anchor, ref: comment.paragraph };
}

function sameDraft(file: VFile, data: unknown, document: string, version: string): boolean {
  const value = data as { document?: unknown; version?: unknown } | null;
  if (value?.document === document && String(value?.version) === version) return true;
  report(
    file,
    'error',
    `The record is not the one of \`${document}\` ${version}`,
    { line: 1, column: 1 },
    'consult-import-record',
    `Its \`document\` and \`version\` must be \`${document}\` and \`${version}\`.`,
  );
  return false;
}
