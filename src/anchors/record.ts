/**
 * The anchor record of a release, `releases/<document>/<version>/anchors.json`: every block the
 * release published, with its anchor, reference, chapter, kind and text (read by
 * src/consultation/anchor-record.ts). `srida release` writes it with the other released files;
 * for releases made before anchors existed, scripts/derive-anchor-records.ts derives it from the
 * release's source commit (docs/anchors.md).
 */
import type { PublishedBlock } from './anchors-data.ts';

/** File name of the record inside the release's folder. */
export const anchorRecordName = 'anchors.json';

/** The record's text: stable key order, one block per line (small diffs between releases). */
export function anchorRecordText(
  document: string,
  version: string,
  blocks: readonly PublishedBlock[],
): string {
  const lines = blocks.map((b) =>
    JSON.stringify({
      anchor: b.anchor,
      ref: b.ref,
      chapterId: b.chapterId,
      kind: b.kind,
      text: b.text,
    }),
  );
  return `{"document":${JSON.stringify(document)},"version":${JSON.stringify(version)},"blocks":[\n${lines.join(',\n')}\n]}\n`;
}
