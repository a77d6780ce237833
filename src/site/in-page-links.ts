/** How links leaving the document's own chapters are written. */
export interface InPageLinkOptions {
  /** Ids of the document's chapters: `/<doc>/<chapter>/` becomes `#<chapter>`. */
  chapterIds: ReadonlySet<string>;
  /** What `/<doc>/` (the document's landing page) becomes; default: kept. */
  documentHome?: string;
  /** What any other site path becomes (the other document, the roadmap); default: kept. */
  elsewhere?: (href: string) => string;
}

/**
 * Rewrite the chapter-page links of one document's chapter HTML for an edition that holds the
 * whole document on one page (the single-page view, the print edition):
 * `/<doc>/<chapter>/#id` → `#id`, `/<doc>/<chapter>/` → `#<chapter>`. External links,
 * `mailto:` and in-page anchors are kept.
 */
export function toInPageLinks(
  html: string,
  documentId: string,
  options: InPageLinkOptions,
): string {
  const own = `/${documentId}/`;
  return html.replace(
    /(<a\b[^>]*?\shref=")([^"]*)(")/g,
    (_whole, before: string, href: string, after: string) =>
      `${before}${rewrite(href, own, options)}${after}`,
  );
}

function rewrite(href: string, own: string, options: InPageLinkOptions): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  if (!href.startsWith(own)) return options.elsewhere?.(href) ?? href;
  const rest = href.slice(own.length);
  const hash = rest.indexOf('#');
  if (hash >= 0) return rest.slice(hash);
  const chapter = rest.replace(/\/$/, '');
  if (chapter === '') return options.documentHome ?? href;
  // Any other page of the own document (e.g. `/srida/releases/`) stays a page of the site.
  return options.chapterIds.has(chapter) ? `#${chapter}` : (options.elsewhere?.(href) ?? href);
}
