/**
 * Which drafts the consultation server takes comments on, and when. A draft's window comes
 * from its entry in `releases/<document>/releases.yaml` (`consultation.opens`, `closes`); a
 * window with no closing date closes when the document's next release is published. The editor
 * may narrow the server to one draft and set its dates (`--draft`, `--opens`, `--closes`), since
 * a published manifest entry never changes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { readManifests } from '../release/manifest.ts';
import { endOfDate, fullDate } from '../release/release-date.ts';
import { loadAnchorRecord, type AnchorIndex } from './anchor-record.ts';

/** A draft that takes comments between two instants. */
export interface ConsultationWindow {
  document: string;
  version: string;
  /** The document's title, for the form. */
  title: string;
  /** As written (`YYYY-MM` or `YYYY-MM-DD`). */
  opens: string;
  closes?: string;
  /** First instant comments are taken (ms since the epoch, UTC). */
  from: number;
  /** First instant they are no longer taken (exclusive); `Infinity` when open-ended. */
  until: number;
  /** The later release whose date closed an open-ended window. */
  closedBy?: string;
  /** How to respond, from the manifest. */
  respond?: string;
}

/** A draft the server serves: its window and the blocks a comment may name. */
export interface ServedDraft {
  window: ConsultationWindow;
  anchors: AnchorIndex;
}

/** The editor's narrowing of the manifest's windows. */
export interface WindowOverrides {
  /** `document@version`: serve only that draft. */
  draft?: string;
  /** `YYYY-MM-DD` or `YYYY-MM`: the draft's window opens then (needs `draft`). */
  opens?: string;
  /** Inclusive: the window closes at the end of that day, or month. */
  closes?: string;
}

const datePattern = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** Whether a window takes comments at `now`. */
export function isOpen(window: ConsultationWindow, now: number): boolean {
  return window.from <= now && now < window.until;
}

/** The first instant of a date (`YYYY-MM` is its first day). */
export function startOf(date: string): number {
  return Date.parse(`${fullDate(date) ?? `${date}-01`}T00:00:00Z`);
}

/** The first instant after a date (after its last day for `YYYY-MM`). */
export function endOf(date: string): number {
  return endOfDate(date);
}

/**
 * Every released draft of the project with its window and its anchor record, narrowed by the
 * overrides. `errors` are overrides that cannot be used (the server must not start); `notes`
 * what the editor should know, such as a draft not served because it has no anchor record.
 */
export async function loadDrafts(
  root: string,
  overrides: WindowOverrides = {},
): Promise<{ drafts: ServedDraft[]; errors: string[]; notes: string[] }> {
  const errors: string[] = [];
  const notes: string[] = [];
  for (const [name, value] of [
    ['--opens', overrides.opens],
    ['--closes', overrides.closes],
  ] as const) {
    if (value === undefined) continue;
    if (!overrides.draft) errors.push(`\`${name}\` needs \`--draft document@version\``);
    if (!datePattern.test(value))
      errors.push(`\`${name} ${value}\` is not a date such as \`2025-11-30\` or \`2025-11\``);
  }
  const { manifests } = await readManifests(root);
  const drafts: ServedDraft[] = [];
  for (const { documentId, manifest } of manifests) {
    if (!manifest) {
      notes.push(`\`releases/${documentId}/releases.yaml\` is not valid (run \`srida check\`)`);
      continue;
    }
    const title = await documentTitle(root, documentId);
    for (const [index, entry] of manifest.releases.entries()) {
      if (entry.stage !== 'draft' || !entry.consultation) continue;
      if (overrides.draft && overrides.draft !== `${documentId}@${entry.version}`) continue;
      const opens = overrides.opens ?? entry.consultation.opens;
      const closes = overrides.closes ?? entry.consultation.closes;
      const later = manifest.releases[index + 1];
      const window: ConsultationWindow = {
        document: documentId,
        version: entry.version,
        title,
        opens,
        closes,
        from: startOf(opens),
        until: closes ? endOf(closes) : later ? startOf(later.date) : Number.POSITIVE_INFINITY,
        closedBy: closes ? undefined : later?.version,
        respond: entry.consultation.respond,
      };
      const loaded = await loadAnchorRecord(root, documentId, entry.version);
      if (!loaded.ok) {
        notes.push(`not serving \`${documentId}\` ${entry.version}: ${loaded.reason}`);
        continue;
      }
      drafts.push({ window, anchors: loaded.index });
    }
  }
  if (
    overrides.draft &&
    !drafts.some((d) => overrides.draft === `${d.window.document}@${d.window.version}`)
  )
    errors.push(
      `\`--draft ${overrides.draft}\` names no released draft with an anchor record (write it as \`document@version\`)`,
    );
  return { drafts, errors, notes };
}

/** The `title` of `chapters/<document>/document.yaml`, or the id when it cannot be read. */
async function documentTitle(root: string, documentId: string): Promise<string> {
  try {
    const text = await readFile(path.join(root, 'chapters', documentId, 'document.yaml'), 'utf8');
    const data = parse(text) as { title?: unknown } | null;
    return typeof data?.title === 'string' && data.title ? data.title : documentId;
  } catch {
    return documentId;
  }
}
