import { escapeHtml } from '../util/escape-html.ts';
import type { SiteDocument } from './site-data.ts';

/**
 * The pages a search engine should know, as paths: the home page, the roadmap, and for each
 * document its landing page, single-page view, chapters and releases page. The print view is
 * left out (it is the PDFs' source, not a page for readers).
 */
export function sitemapPaths(documents: SiteDocument[]): string[] {
  return [
    '/',
    '/roadmap/',
    ...documents.flatMap((document) => [
      `/${document.id}/`,
      `/${document.id}/full/`,
      ...document.chapters.map((chapter) => chapter.href),
      `/${document.id}/releases/`,
    ]),
  ];
}

/** `sitemap.xml` (sitemaps.org protocol 0.9) for the site at `site`. */
export function sitemapXml(site: URL, paths: string[]): string {
  const urls = paths.map((p) => `  <url><loc>${escapeHtml(new URL(p, site).href)}</loc></url>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
