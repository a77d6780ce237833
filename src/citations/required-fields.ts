import type { BibEntry } from './bib-types.ts';

/** A CSL variable, and how a BibTeX file names it (Markdown, for messages). */
type Need = { variable: string; bibtex: string };

const container = (field: string): Need => ({
  variable: 'container-title',
  bibtex: `\`${field}\``,
});
const publisher = (field: string): Need => ({ variable: 'publisher', bibtex: `\`${field}\`` });
const url: Need = { variable: 'URL', bibtex: '`url`' };

const webTypes = new Set(['webpage', 'post', 'post-weblog', 'software', 'dataset']);

/** What the reference list prints for each kind of work (beyond a title). */
const byType: Record<string, Need[]> = {
  'article-journal': [container('journal')],
  'article-magazine': [container('journal')],
  'article-newspaper': [container('journal')],
  book: [publisher('publisher')],
  chapter: [container('booktitle'), publisher('publisher')],
  'paper-conference': [container('booktitle')],
  report: [publisher('institution')],
  thesis: [publisher('school')],
  webpage: [url],
  'post-weblog': [url],
};

/**
 * The fields a style needs that an entry lacks: a title always; a date (`year` or `date`) in
 * author-date styles, where the citation itself prints it (not for a web page with the date it
 * was accessed); and what the reference list prints
 * for the kind of work (the journal of an article, the publisher of a book, the institution of a
 * report, the address of a web page).
 *
 * @param entry the entry.
 * @param format the style's citation format (`author-date`, `numeric`, …).
 * @returns field names as the entry's file writes them (BibTeX or CSL-JSON), in backticks.
 */
export function missingFields(entry: BibEntry, format: string): string[] {
  const { item } = entry;
  const needs: Need[] = [{ variable: 'title', bibtex: '`title`' }];
  // An undated web page with the date it was read is normal ("n.d., retrieved …").
  const undated = webTypes.has(item.type) && item.accessed !== undefined;
  if ((format === 'author-date' || format === 'author') && !undated)
    needs.push({ variable: 'issued', bibtex: '`year` or `date`' });
  needs.push(...(byType[item.type] ?? []));
  const missing: string[] = [];
  for (const need of needs) {
    const value = item[need.variable];
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
      continue;
    missing.push(entry.format === 'bibtex' ? need.bibtex : `\`${need.variable}\``);
  }
  return missing;
}
