import type { ReleaseStage } from '../schemas/release-manifest.ts';

/**
 * Where releases live. Everything of a document's releases is under `releases/<document>/`,
 * committed to git: the manifest `releases.yaml`, and one folder per version with the PDF,
 * the release notes, `CITATION.cff` and `.zenodo.json`.
 */
export const releasesFolder = 'releases';

/** `releases/<document>/releases.yaml`, relative to the project root. */
export function manifestPath(documentId: string): string {
  return `${releasesFolder}/${documentId}/releases.yaml`;
}

/** `releases/<document>/<version>`, relative to the project root. */
export function releaseDir(documentId: string, version: string): string {
  return `${releasesFolder}/${documentId}/${version}`;
}

/**
 * The stable name of a released PDF: `<prefix><document>-v<version>-<stage>.pdf`, e.g.
 * `spectrum-srida-v0.9.0-draft.pdf` (the prefix is `project.yaml`'s `filePrefix`, else none).
 */
export function releasePdfName(
  documentId: string,
  version: string,
  stage: ReleaseStage,
  prefix = '',
): string {
  return `${prefix}${documentId}-v${version}-${stage}.pdf`;
}

/** Whether a released PDF's name is `releasePdfName` with some prefix (as it was released). */
export function isReleasePdfName(
  name: string,
  documentId: string,
  version: string,
  stage: ReleaseStage,
): boolean {
  const end = releasePdfName(documentId, version, stage);
  return name.endsWith(end) && /^[a-z0-9-]*$/.test(name.slice(0, -end.length));
}

/** The annotated tag of a release: `srida-v1.0.0`. */
export function releaseTag(documentId: string, version: string): string {
  return `${documentId}-v${version}`;
}

/** File names of the other files of a release. */
export const releaseNotesName = 'NOTES.md';
export const citationName = 'CITATION.cff';
export const zenodoName = '.zenodo.json';

/** Name on the website: dot files are published without the dot (`zenodo.json`). */
export function publicName(file: string): string {
  return file.replace(/^\.+/, '');
}

/** Site path of a released file: `/srida/releases/0.9.0/spectrum-srida-v0.9.0-draft.pdf`. */
export function releaseFileHref(documentId: string, version: string, file: string): string {
  return `/${documentId}/releases/${version}/${publicName(file)}`;
}

/** Site path of a document's releases page. */
export function releasesPageHref(documentId: string): string {
  return `/${documentId}/releases/`;
}
