/** What the glossary stage hands the site, and the key the pages read it with. */
import { dataKey } from '../assemble/data-key.ts';

/** One entry a document uses. */
export interface GlossaryUse {
  id: string;
  headword: string;
  /** Where the document's glossary lists it (absent when the document has no glossary). */
  href?: string;
  /** Chapters that use it, in order. */
  chapters: string[];
}

/** Per document: the entries it uses. */
export interface GlossaryDocumentData {
  entries: GlossaryUse[];
}

/** Key of the per-document glossary data. */
export const glossaryKey = dataKey<GlossaryDocumentData>('glossary');
