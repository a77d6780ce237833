/**
 * Links of the print edition. Chapter HTML points at chapter pages of the site
 * (`/srida/introduction/#scope`); in a PDF a link into the same document must be an in-PDF
 * anchor and a link anywhere else on the site must be its full web address, since a PDF is read
 * away from the site.
 */

/**
 * Rewrite the `href`s of one document's chapter HTML for print:
 * - `/<doc>/<chapter>/#id` → `#id`, `/<doc>/<chapter>/` → `#<chapter>`, `/<doc>/` → `#print-contents`;
 * - any other site path (the other document, the roadmap) → `<siteUrl>/path`;
 * - external links, `mailto:` and in-page anchors are kept.
 * Image `src`s are not touched: the printer loads them from the built site.
 *
 * @param html Chapter body HTML.
 * @param documentId The document being printed.
 * @param siteUrl The site's public address (astro.config.mjs `site`), e.g. `https://example.org`.
 * @param chapterIds Ids of the document's chapters (a link to one becomes `#<chapter>`).
 */
export function toPrintHtml(html: string, documentId: string, siteUrl: string, chapterIds: ReadonlySet<string>): string {
  const base = siteUrl.replace(/\/+$/, '');
  const own = `/${documentId}/`;
  return html.replace(/(<a\b[^>]*?\shref=")([^"]*)(")/g, (_whole, before: string, href: string, after: string) => {
    return `${before}${printHref(href, own, base, chapterIds)}${after}`;
  });
}

function printHref(href: string, own: string, base: string, chapterIds: ReadonlySet<string>): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  if (!href.startsWith(own)) return `${base}${href}`;
  const rest = href.slice(own.length);
  const hash = rest.indexOf('#');
  if (hash >= 0) return rest.slice(hash);
  const chapter = rest.replace(/\/$/, '');
  if (chapter === '') return '#print-contents';
  // Any other page of the own document (e.g. `/srida/full/`) stays a web page.
  return chapterIds.has(chapter) ? `#${chapter}` : `${base}${href}`;
}
