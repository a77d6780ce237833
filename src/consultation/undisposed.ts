/**
 * What a final release must not leave behind: comments of the consultation on the drafts before
 * it that the editors have not answered. Used by `srida release … --stage final`.
 */
import { formatDiagnostic, collectDiagnostics } from '../diagnostics/collect.ts';
import type { ReleaseEntry } from '../schemas/release-manifest.ts';
import { readConsultation } from './read-consultation.ts';

export interface UndisposedComments {
  /** `consultation/srida/0.9.0.yaml:12:5: c-7gk2m4qx9p (4.2 ¶3)`, one per comment. */
  missing: string[];
  /** Errors in those records (printed as `srida check` prints them). */
  errors: string[];
  /** The drafts whose records were read. */
  drafts: string[];
}

/**
 * The drafts a final answers are those released since the previous final (or since the start):
 * their consultations led to it. List every comment of their records without a disposition.
 */
export async function undisposedComments(
  root: string,
  documentId: string,
  releases: readonly ReleaseEntry[],
): Promise<UndisposedComments> {
  const lastFinal = releases.findLastIndex((release) => release.stage === 'final');
  const drafts = releases
    .slice(lastFinal + 1)
    .filter((release) => release.stage === 'draft')
    .map((release) => release.version);
  const result: UndisposedComments = { missing: [], errors: [], drafts };
  for (const version of drafts) {
    const loaded = await readConsultation(root, documentId, version);
    if (!loaded) continue;
    result.errors.push(
      ...collectDiagnostics([loaded.file])
        .filter((d) => d.severity === 'error')
        .map(formatDiagnostic),
    );
    for (const { index, comment } of loaded.comments) {
      if (comment.disposition !== '') continue;
      const { line, column } = loaded.located!.placeOf(['comments', index, 'id']);
      result.missing.push(
        `${loaded.file.path}:${line}:${column}: ${comment.id} (${comment.ref || comment.anchor || 'whole draft'})`,
      );
    }
  }
  return result;
}
