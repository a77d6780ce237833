/**
 * Citations and bibliographies: Pandoc citation syntax, BibTeX/CSL-JSON sources, citation-js
 * formatting in one pass per document, reference lists, and "cite this document". This is the
 * module's public API; the files behind it are internal.
 */
import { clearFormatCache } from './format-pool.ts';
import { clearLibraryCache } from './load-bibliography.ts';

export {
  citationsKey,
  createCitationsExtension,
  type CitationsData,
} from './citations-extension.ts';
/** Pandoc citation syntax in a tree → citation nodes (for stages that insert Markdown). */
export { default as remarkCitations } from './remark-citations.ts';
export {
  citeThisDocument,
  type CiteThisOptions,
  type DocumentCitation,
} from './cite-this-document.ts';

/**
 * Forget every cached bibliography parse and formatting result, so that the next assembly
 * formats as a fresh process would (engines and loaded code stay warm). For benchmarks that
 * assemble several times in one process and want cold figures.
 */
export function clearCitationCaches(): void {
  clearFormatCache();
  clearLibraryCache();
}
