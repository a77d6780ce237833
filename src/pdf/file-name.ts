/**
 * The file name of a document's PDF: `spectrum-<document>-v<version>.pdf`, e.g.
 * `spectrum-srida-v1.0.0.pdf`. It is stable for a version, so a link to it stays valid until
 * the document's version changes. The site serves PDFs from `/pdf/`.
 */
export function pdfFileName(documentId: string, version: string): string {
  return `spectrum-${documentId}-v${version}.pdf`;
}

/** Site path of a document's PDF, for the landing page: `/pdf/spectrum-srida-v1.0.0.pdf`. */
export function pdfHref(documentId: string, version: string): string {
  return `/pdf/${pdfFileName(documentId, version)}`;
}
