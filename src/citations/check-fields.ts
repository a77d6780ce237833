import type { Point } from 'unist';
import type { BibEntry, SourceProblem } from './bib-types.ts';

const doiPrefix = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;
const doiPattern = /^10\.\d{4,9}\/\S+$/;

/**
 * Check an entry's DOI and URL, fixing what can be fixed: a DOI written as a link
 * (`https://doi.org/10.…`) is stored bare, since styles print the link themselves. A malformed
 * DOI or URL is an error, and it is left out so that no broken link is printed.
 *
 * @param entry the entry; its item is changed in place.
 * @param problems where problems are added.
 */
export function checkLinks(entry: BibEntry, problems: SourceProblem[]): void {
  const { item } = entry;
  if (typeof item.DOI === 'string') {
    const doi = item.DOI.trim().replace(doiPrefix, '');
    if (doiPattern.test(doi)) {
      item.DOI = doi;
    } else {
      problems.push({
        severity: 'error',
        reason: `Malformed DOI \`${item.DOI}\` in \`${entry.key}\``,
        place: fieldPlace(entry, 'doi'),
        ruleId: 'bibliography-doi',
        hint: 'A DOI looks like `10.1234/abc.567` (written bare, without `https://doi.org/`).',
      });
      delete item.DOI;
    }
  }
  if (typeof item.URL === 'string') {
    const url = item.URL.trim();
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (
      parsed &&
      /^(https?|ftp):$/.test(parsed.protocol) &&
      !/\s/.test(url) &&
      parsed.hostname.includes('.')
    ) {
      item.URL = url;
    } else {
      problems.push({
        severity: 'error',
        reason: `Malformed URL \`${item.URL}\` in \`${entry.key}\``,
        place: fieldPlace(entry, 'url'),
        ruleId: 'bibliography-url',
        hint: 'Write a full `https://…` address without spaces.',
      });
      delete item.URL;
    }
  }
}

/** Where a field's value is, or the entry's key when the field was not found. */
export function fieldPlace(entry: BibEntry, field: string): Point {
  return entry.fields[field] ?? entry.fields[field.toUpperCase()] ?? entry.place;
}
