import type { Data, Parent } from 'mdast';
import type { Position } from 'unist';

/** One work cited inside a citation: `see @doe2020, p. 12`. */
export interface CiteItem {
  /** Citation key, as written after `@`. */
  key: string;
  /** Where `@key` stands in the chapter (for diagnostics). */
  position?: Position;
  /** `[-@key]`: print the year (or number) without the author. */
  suppressAuthor: boolean;
  /** Text before the key (`see`), as citeproc micro-HTML (`<i>`, `<b>`; citeproc escapes the text). */
  prefix: string;
  /** Text after the locator (`and passim`), micro-HTML like `prefix`. */
  suffix: string;
  locator?: string;
  /** CSL locator label (`page`, `chapter`, …). */
  label?: string;
}

/** How a citation is written in the text. */
export type CitationMode = 'normal' | 'narrative';

/**
 * A citation: `[@a; @b]` (`normal`) or `@a` / `@a [p. 4]` (`narrative`: "Doe (2020, p. 4)").
 * The node carries its original text as `hChildren` until the document pass formats it, so
 * a tree that never reaches that pass still renders what the author wrote.
 */
export interface Citation extends Parent {
  type: 'citation';
  mode: CitationMode;
  items: CiteItem[];
  /** The Markdown source of the citation, e.g. `[see @doe2020, p. 12]`. */
  source: string;
  children: [];
  data?: Data;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: Citation;
  }
  interface RootContentMap {
    citation: Citation;
  }
}
