import type { Point } from 'unist';
import type { Severity } from '../diagnostics/report.ts';

/** A CSL-JSON item (the shape citeproc reads). */
export interface CslItem {
  id: string;
  type: string;
  [field: string]: unknown;
}

/**
 * A problem found in a bibliography or style file, as plain data: parse results are cached
 * across assemblies and replayed as messages on each assembly's fresh VFile.
 */
export interface SourceProblem {
  severity: Severity;
  reason: string;
  place: Point;
  ruleId: string;
  hint?: string;
}

/** One entry of a bibliography file, converted to CSL, with where it stands. */
export interface BibEntry {
  key: string;
  /** The file format the entry came from (field names in messages follow it). */
  format: 'bibtex' | 'csl-json';
  item: CslItem;
  /** Where the key is written (diagnostics about the entry point here). */
  place: Point;
  /** Where each field's value starts, by lower-case BibTeX or CSL-JSON field name. */
  fields: Record<string, Point>;
}

/** What a bibliography file yields. */
export interface ParsedBibliography {
  entries: BibEntry[];
  problems: SourceProblem[];
}
