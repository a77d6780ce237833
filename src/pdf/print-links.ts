import { toInPageLinks } from '../site/in-page-links.ts';

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
export function toPrintHtml(
  html: string,
  documentId: string,
  siteUrl: string,
  chapterIds: ReadonlySet<string>,
): string {
  const base = siteUrl.replace(/\/+$/, '');
  return toInPageLinks(html, documentId, {
    chapterIds,
    documentHome: '#print-contents',
    elsewhere: (href) => `${base}${href}`,
  });
}
