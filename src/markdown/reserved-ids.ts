/**
 * Ids the site's layouts and pages give their own elements (src/layouts, src/components,
 * src/pages): an author's `{#main}` or `:::figure{#toc-title}` would duplicate one, and the
 * skip link or a table of contents would jump to the wrong place. tests/hostile/reserved-ids
 * reads every `id=` of the `.astro` files and fails when one is missing here.
 */
export const reservedIds: ReadonlySet<string> = new Set([
  'main',
  'abstract-title',
  'downloads-title',
  'contents-title',
  'toc-title',
  'page-toc-title',
  'works-cited-title',
  'related-roadmap-title',
  'cite-this-title',
  'home-releases-title',
  'latest-release-title',
  'roadmap-phases',
  'roadmap-tracks',
  'duplex-pages',
  'srida-print-data',
  'print-contents',
  'print-contents-title',
  'refs',
  'chapter-list-title',
  'search-dialog',
  'search-dialog-title',
  'search-filter',
  'search-help',
  'search-input',
  'search-results',
  'search-status',
]);

/** Families of ids the pages generate (`release-1.0.0`, `v1.0.0`, `print-list-figures-title`). */
export const reservedIdPatterns: readonly RegExp[] = [/^release-/, /^v\d/, /^print-list-/];

/** Whether an author may not use this id (the page's own elements use it). */
export function isReservedId(id: string): boolean {
  return reservedIds.has(id) || reservedIdPatterns.some((pattern) => pattern.test(id));
}
