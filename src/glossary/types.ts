import type { Point } from 'unist';
import type { VFile } from 'vfile';

/** A glossary entry as loaded: its id, what it defines, and where it was written. */
export interface GlossaryEntry {
  /** Unique across the glossary: `aai`, `pilot-job`. Its target id is `term-<id>`. */
  id: string;
  abbreviation?: string;
  expansion?: string;
  expansionPlural?: string;
  term?: string;
  /** Inline Markdown. */
  definition?: string;
  aliases: string[];
  seeAlso: string[];
  file: VFile;
  /** Where the entry starts in its file. */
  place: Point;
  /** Where a field of the entry (or an item of a list field) is, for messages about it. */
  placeOf(field: string, index?: number): Point;
}

/** Every glossary file of a project, merged. */
export interface Glossary {
  entries: GlossaryEntry[];
  /** Capitalised words that are never abbreviations to define. */
  ignore: Set<string>;
  files: VFile[];
}

/** The id of an entry's cross-reference target: `term-aai`. */
export function termTargetId(entry: Pick<GlossaryEntry, 'id'>): string {
  return `term-${entry.id}`;
}
