/**
 * `srida check` for consultation records: every problem a positioned message in the YAML.
 * - the record is the one of its place (`document`, `version` as its folder and file name say),
 *   of a released version;
 * - every `anchor` is a block of that release (its anchor record), and `ref` agrees with it;
 * - every `changed` anchor is a block of the working text;
 * - ids are unique; a `disposition` is one of the known ones (with a did-you-mean).
 * The working text's anchors are passed in (the assembly knows them); where they are not known
 * the `changed` rule is skipped.
 */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import { readManifest } from '../release/manifest.ts';
import { dispositions } from '../schemas/consultation.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import {
  anchorRecordPath,
  loadAnchorRecord,
  normaliseRef,
  type AnchorIndex,
} from './anchor-record.ts';
import { isDisposition, suggestDisposition } from './dispositions.ts';
import { readConsultations, type LoadedConsultation } from './read-consultation.ts';

export interface ConsultationCheckOptions {
  /** The anchors of a document's working text; undefined when not known (rule skipped). */
  workingAnchors?(documentId: string): ReadonlySet<string> | undefined;
  /** The anchor record of a release (default: `releases/<document>/<version>/anchors.json`). */
  releaseAnchors?(documentId: string, version: string): Promise<AnchorIndex | undefined>;
}

/** Check every record under `<root>/consultation/`; returns the files read, with messages. */
export async function checkConsultation(
  root: string,
  options: ConsultationCheckOptions = {},
): Promise<VFile[]> {
  const { consultations, files } = await readConsultations(root);
  for (const loaded of consultations) await checkRecord(root, loaded, options);
  return files;
}

async function checkRecord(
  root: string,
  loaded: LoadedConsultation,
  options: ConsultationCheckOptions,
): Promise<void> {
  const { file, located, documentId, version } = loaded;
  if (!loaded.ok || !located) return;
  const data = located.data as { document: unknown; version: unknown };
  if (data.document !== documentId)
    report(
      file,
      'error',
      `Record is for \`${String(data.document)}\` but lies in \`consultation/${documentId}/\``,
      located.placeOf(['document']),
      'consultation-draft',
      `Set \`document: ${documentId}\`, or move the file.`,
    );
  if (String(data.version) !== version)
    report(
      file,
      'error',
      `Record is for version \`${String(data.version)}\` but is named \`${version}.yaml\``,
      located.placeOf(['version']),
      'consultation-draft',
      `Set \`version: "${version}"\`, or rename the file.`,
    );
  const manifest = await readManifest(root, documentId);
  const released = manifest?.manifest?.releases.find((release) => release.version === version);
  if (manifest?.manifest && !released)
    report(
      file,
      'error',
      `\`${documentId}\` has no release ${version}`,
      located.placeOf(['version']),
      'consultation-draft',
      `Releases: ${manifest.manifest.releases.map((r) => `\`${r.version}\``).join(', ') || 'none'}. A consultation is on a released draft.`,
    );
  else if (!manifest)
    report(
      file,
      'error',
      `\`${documentId}\` has no releases (\`releases/${documentId}/releases.yaml\`)`,
      located.placeOf(['document']),
      'consultation-draft',
      'A consultation is on a released draft: cut it with `srida release`.',
    );
  let anchors: AnchorIndex | undefined;
  let missing = `there is no \`${anchorRecordPath(documentId, version)}\``;
  if (options.releaseAnchors) anchors = await options.releaseAnchors(documentId, version);
  else {
    const record = await loadAnchorRecord(root, documentId, version);
    if (record.ok) anchors = record.index;
    else missing = record.reason;
  }
  if (!anchors && released)
    report(
      file,
      'warning',
      `The comments' anchors are not checked: ${missing}`,
      located.placeOf(['version']),
      'consultation-anchors-missing',
      `Release ${version} of \`${documentId}\` needs its anchor record, written by the anchors stage.`,
    );
  const working = options.workingAnchors?.(documentId);
  const ids = new Map<string, number>();
  for (const { index, comment } of loaded.comments) {
    const at = (...keys: PropertyKey[]) => located.placeOf(['comments', index, ...keys]);
    const first = ids.get(comment.id);
    if (first !== undefined)
      report(
        file,
        'error',
        `Duplicate comment id \`${comment.id}\``,
        at('id'),
        'consultation-id-duplicate',
        `It is also the id of the comment at line ${located.placeOf(['comments', first, 'id']).line}; every comment needs its own id.`,
      );
    else ids.set(comment.id, index);
    if (comment.anchor && anchors) {
      const block = anchors.byAnchor.get(comment.anchor);
      if (!block) {
        const byRef = comment.ref ? anchors.byRef.get(normaliseRef(comment.ref)) : undefined;
        const near = didYouMean(comment.anchor, anchors.byAnchor.keys());
        report(
          file,
          'error',
          `Release ${version} has no block with the anchor \`${comment.anchor}\``,
          at('anchor'),
          'consultation-anchor-unknown',
          byRef
            ? `Paragraph ${byRef.ref} of ${version} has the anchor \`${byRef.anchor}\`.`
            : near
              ? `Did you mean \`${near}\`?`
              : `The anchors of ${version} are in \`${anchorRecordPath(documentId, version)}\`; remove \`anchor\` for a comment on the whole draft.`,
        );
      } else if (comment.ref && comment.ref.trim() !== block.ref)
        report(
          file,
          'warning',
          `\`ref\` says ${comment.ref} but \`${comment.anchor}\` is ${block.ref} in ${version}`,
          at('ref'),
          'consultation-ref-mismatch',
          `Set \`ref: ${block.ref}\` (the anchor decides the place).`,
        );
    }
    if (comment.disposition !== '' && !isDisposition(comment.disposition)) {
      const suggestion = suggestDisposition(comment.disposition);
      report(
        file,
        'error',
        `Unknown disposition \`${comment.disposition}\``,
        at('disposition'),
        'consultation-disposition-unknown',
        `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Use one of ${dispositions.map((d) => `\`${d}\``).join(', ')}.`,
      );
    }
    if (working) {
      for (const [k, anchor] of comment.changed.entries()) {
        if (working.has(anchor)) continue;
        const near = didYouMean(anchor, working);
        report(
          file,
          'error',
          `The working text of \`${documentId}\` has no block with the anchor \`${anchor}\``,
          at('changed', k),
          'consultation-changed-unknown',
          near
            ? `Did you mean \`${near}\`?`
            : '`changed` lists anchors of the current text (shown in the draft edition\u2019s margins) that the comment led to.',
        );
      }
    }
  }
}
