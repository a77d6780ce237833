/** Where consultation records live: `consultation/<document>/<version>.yaml`. */
export const consultationFolder = 'consultation';

/** The record of a draft, relative to the project root. */
export function recordPath(documentId: string, version: string): string {
  return `${consultationFolder}/${documentId}/${version}.yaml`;
}
