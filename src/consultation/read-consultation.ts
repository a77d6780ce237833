/**
 * Reading consultation records, `consultation/<document>/<version>.yaml`, with positions: the
 * record's own fields are validated as a whole, each comment on its own, so that one bad comment
 * does not hide the problems of the others. Used by the check, the release's refusal of a final,
 * and (later) the consultation pages.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseYaml, validateYaml, type LocatedYaml } from '../content/parse-yaml.ts';
import { readSource } from '../content/read-source.ts';
import { report } from '../diagnostics/report.ts';
import {
  consultationCommentSchema,
  consultationRecordSchema,
  type ConsultationComment,
} from '../schemas/consultation.ts';
import { consultationFolder, recordPath } from './record-path.ts';
import { loadFast, locatedLazily } from './yaml-fast.ts';

/** One record as read: the comments that are valid, each with its index in the file. */
export interface LoadedConsultation {
  documentId: string;
  version: string;
  file: VFile;
  located?: LocatedYaml;
  /** False when the file could not be parsed or its top level is invalid. */
  ok: boolean;
  comments: { index: number; comment: ConsultationComment }[];
  /** Number of comments in the file, valid or not. */
  total: number;
}

/** Read one record; undefined when the file does not exist. */
export async function readConsultation(
  root: string,
  documentId: string,
  version: string,
): Promise<LoadedConsultation | undefined> {
  const relative = recordPath(documentId, version);
  const source = await readSource(root, relative).catch(() => undefined);
  if (!source) return undefined;
  const { file } = source;
  const loaded: LoadedConsultation = {
    documentId,
    version,
    file,
    ok: false,
    comments: [],
    total: 0,
  };
  const text = String(file.value);
  const data = source.ok ? loadFast(text) : undefined;
  // Read quickly; `yaml` (slow, with positions) only when a message needs a place, or to say
  // where the text cannot be read (see `yaml-fast.ts`).
  const located =
    data !== undefined ? locatedLazily(text, data) : source.ok ? parseYaml(file, text) : undefined;
  if (!located) return loaded;
  loaded.located = located;
  const record = validateYaml(file, located, consultationRecordSchema, 'consultation-record');
  if (!record) return loaded;
  loaded.ok = true;
  loaded.total = record.comments.length;
  for (const index of record.comments.keys()) {
    // Validate the item as if it were a document of its own, its places shifted to its node:
    // messages then name its fields (`respondent`), with a did-you-mean among them.
    const comment = validateYaml(file, located, consultationCommentSchema, 'consultation-record', {
      base: ['comments', index],
    });
    if (comment) loaded.comments.push({ index, comment });
  }
  return loaded;
}

/**
 * Every record under `consultation/`. A file there that is not `<document>/<version>.yaml` is a
 * warning (a comment database there would put e-mail addresses into git).
 */
export async function readConsultations(
  root: string,
): Promise<{ consultations: LoadedConsultation[]; files: VFile[] }> {
  const consultations: LoadedConsultation[] = [];
  const files: VFile[] = [];
  const top = await readdir(path.join(root, consultationFolder), { withFileTypes: true }).catch(
    () => [],
  );
  for (const entry of top.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    if (!entry.isDirectory()) {
      files.push(stray(root, `${consultationFolder}/${entry.name}`));
      continue;
    }
    const inner = await readdir(path.join(root, consultationFolder, entry.name), {
      withFileTypes: true,
    });
    for (const file of inner.sort((a, b) => a.name.localeCompare(b.name))) {
      if (file.name.startsWith('.')) continue;
      const match = /^(.+)\.yaml$/.exec(file.name);
      if (!file.isFile() || !match) {
        files.push(stray(root, `${consultationFolder}/${entry.name}/${file.name}`));
        continue;
      }
      const loaded = await readConsultation(root, entry.name, match[1]!);
      if (!loaded) continue;
      consultations.push(loaded);
      files.push(loaded.file);
    }
  }
  return { consultations, files };
}

function stray(root: string, relative: string): VFile {
  const file = new VFile({ path: relative, cwd: root });
  const database = /\.(sqlite3?|db)(-wal|-shm|-journal)?$/.test(relative);
  report(
    file,
    'warning',
    database
      ? `\`${relative}\` looks like the comment database, which holds e-mail addresses`
      : `\`${relative}\` is not a consultation record`,
    { line: 1, column: 1 },
    'consultation-stray-file',
    database
      ? 'Keep the database of `srida consult serve` outside the repository (`--db`), and never commit it.'
      : 'Records are `consultation/<document>/<version>.yaml`, written by `srida consult import`.',
  );
  return file;
}
