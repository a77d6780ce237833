/**
 * The published anchor record of a release, `releases/<document>/<version>/anchors.json`: every
 * addressable block of the released text with its anchor, its human reference ("4.2 ¶3") and its
 * plain text. The consultation reads it to check that a comment names a block the draft had, and
 * to quote that block in the form. Written by the anchors stage; read here, never written.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { releaseDir } from '../release/paths.ts';

/**
 * One block. Loose: fields the anchors stage adds later (a page or line of the PDF, say) pass
 * through, and `line` is used when it is there.
 */
export const anchorBlockSchema = z.looseObject({
  anchor: z.string().min(1),
  ref: z.string(),
  chapterId: z.string(),
  kind: z.string(),
  text: z.string(),
  /** Line of the draft PDF, where the record knows it (the CEN/IEC table's "Line" column). */
  line: z.union([z.number().int().positive(), z.string()]).optional(),
});

export const anchorRecordSchema = z.looseObject({
  document: z.string().min(1),
  version: z.string().min(1),
  blocks: z.array(anchorBlockSchema),
});

export type AnchorBlock = z.infer<typeof anchorBlockSchema>;
export type AnchorRecord = z.infer<typeof anchorRecordSchema>;

/** A record with its look-ups: by anchor, and by a normalised paragraph reference. */
export interface AnchorIndex {
  record: AnchorRecord;
  byAnchor: ReadonlyMap<string, AnchorBlock>;
  /** Only references that name exactly one block. */
  byRef: ReadonlyMap<string, AnchorBlock>;
}

/** The record's path relative to the project root. */
export function anchorRecordPath(documentId: string, version: string): string {
  return `${releaseDir(documentId, version)}/anchors.json`;
}

/** Why a record could not be read: missing, or present but not a valid record. */
export type AnchorRecordResult =
  { ok: true; index: AnchorIndex } | { ok: false; missing: boolean; reason: string };

/**
 * Read and index the anchor record of a release. Never throws for content problems: a missing
 * or malformed file is a result the caller reports in its own way.
 */
export async function loadAnchorRecord(
  root: string,
  documentId: string,
  version: string,
): Promise<AnchorRecordResult> {
  const relative = anchorRecordPath(documentId, version);
  let text: string;
  try {
    text = await readFile(path.join(root, relative), 'utf8');
  } catch {
    return { ok: false, missing: true, reason: `\`${relative}\` does not exist` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      missing: false,
      reason: `\`${relative}\` is not JSON: ${(error as Error).message}`,
    };
  }
  const parsed = anchorRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      missing: false,
      reason: `\`${relative}\` is not an anchor record: \`${issue.path.join('.') || '(top)'}\` ${issue.message}`,
    };
  }
  if (parsed.data.document !== documentId || parsed.data.version !== version) {
    return {
      ok: false,
      missing: false,
      reason: `\`${relative}\` is the record of \`${parsed.data.document}\` ${parsed.data.version}`,
    };
  }
  return { ok: true, index: indexAnchorRecord(parsed.data) };
}

/** Index a record by anchor and by normalised reference. */
export function indexAnchorRecord(record: AnchorRecord): AnchorIndex {
  const byAnchor = new Map<string, AnchorBlock>();
  const refs = new Map<string, AnchorBlock | null>();
  for (const block of record.blocks) {
    byAnchor.set(block.anchor, block);
    const key = normaliseRef(block.ref);
    if (key) refs.set(key, refs.has(key) ? null : block);
  }
  const byRef = new Map<string, AnchorBlock>();
  for (const [key, block] of refs) if (block) byRef.set(key, block);
  return { record, byAnchor, byRef };
}

/**
 * A paragraph reference as a respondent might type it, reduced to one form: `§4.2 ¶3`,
 * `4.2 ¶ 3`, `4.2 para 3` and `4.2 paragraph 3` are all `4.2¶3`.
 */
export function normaliseRef(ref: string): string {
  return ref
    .normalize('NFC')
    .toLowerCase()
    .replace(/§/g, '')
    .replace(/\b(paragraph|para\.?|par\.?)\s*(?=\d)/g, '¶')
    .replace(/\s+/g, '');
}

/** Look a block up by its anchor, or by its reference when no anchor matches. */
export function findBlock(index: AnchorIndex, value: string): AnchorBlock | undefined {
  const trimmed = value.trim();
  return index.byAnchor.get(trimmed) ?? index.byRef.get(normaliseRef(trimmed));
}

/** The clause of a reference: `4.2` of `4.2 ¶3` (the CEN/IEC table's "Clause" column). */
export function clauseOf(ref: string): string {
  return ref.replace(/\s*¶\s*\d+\s*$/, '').trim();
}
