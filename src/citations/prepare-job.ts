import { report } from '../diagnostics/report.ts';
import type { ExtensionChapter } from '../assemble/extension.ts';
import type { DocumentSource } from '../content/load-project.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { collectCitations, type Collected, type Occurrence } from './collect-citations.ts';
import { documentStyle } from './document-style.ts';
import { nociteKeys } from './nocite.ts';
import type { FormatJob, JobCluster } from './format-document.ts';
import type { Library } from './load-bibliography.ts';
import type { StyleInfo } from './styles.ts';

/** A document's citations, and the job that formats them. */
export interface Prepared {
  job: FormatJob;
  name: string;
  style: StyleInfo;
  occurrences: Occurrence[];
  blocks: Collected['blocks'];
  /** Index of each occurrence's cluster in the job (none when all its keys are unknown). */
  clusterOf: Map<Occurrence, number>;
}

/**
 * Collect a document's citations in reading order and make its formatting job: the works cited,
 * then those listed in `nocite`. Unknown keys are reported where they are cited or listed and
 * left out of the job.
 */
export function prepare(
  document: DocumentSource,
  chapters: readonly ExtensionChapter[],
  library: Library,
): Prepared {
  const { style, name, locale } = documentStyle(document, library);
  const { occurrences, blocks } = collectCitations(chapters);
  const clusters: JobCluster[] = [];
  const clusterOf = new Map<Occurrence, number>();
  for (const occurrence of occurrences) {
    const known = occurrence.citation.items.filter((item) => {
      if (library.entries.has(item.key)) return true;
      const suggestion = didYouMean(item.key, library.entries.keys());
      report(
        occurrence.chapter.file,
        'error',
        `Unknown citation key \`${item.key}\``,
        item.position ?? occurrence.citation.position,
        'citation-unknown',
        suggestion
          ? `Did you mean \`@${suggestion}\`?`
          : library.entries.size
            ? 'Add the entry to a file in `bibliography/`, or write `\\@` for a literal at-sign.'
            : 'There are no entries: add `bibliography/references.bib`.',
      );
      return false;
    });
    if (known.length === 0) continue;
    clusterOf.set(occurrence, clusters.length);
    clusters.push({
      mode: occurrence.citation.mode,
      items: known.map((item) => ({
        id: item.key,
        locator: item.locator,
        label: item.label,
        prefix: item.prefix || undefined,
        suffix: item.suffix || undefined,
        suppressAuthor: item.suppressAuthor || undefined,
      })),
    });
  }
  // Cited works in order of first citation, then those listed with `nocite`.
  const { all, keys } = nociteKeys(document);
  for (const { key, place } of keys) {
    if (library.entries.has(key)) continue;
    const suggestion = didYouMean(key, library.entries.keys());
    report(
      document.metadataFile,
      'error',
      `Unknown citation key \`${key}\` in \`nocite\``,
      place,
      'citation-unknown',
      suggestion
        ? `Did you mean \`@${suggestion}\`?`
        : 'Add the entry to a file in `bibliography/`, or remove it from `nocite`.',
    );
  }
  const listed = all
    ? [...library.entries.keys()]
    : keys.map(({ key }) => key).filter((key) => library.entries.has(key));
  const ids = [
    ...new Set([...clusters.flatMap((cluster) => cluster.items.map((item) => item.id)), ...listed]),
  ];
  const job: FormatJob = {
    style: style.registered,
    locale,
    items: ids.map((id) => library.entries.get(id)!.item),
    clusters,
  };
  return { job, name, style, occurrences, blocks, clusterOf };
}
