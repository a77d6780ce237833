/** `/sitemap.xml`: every reader-facing page, at the site's public address (Astro's `site`). */
import type { APIRoute } from 'astro';
import { getDocuments } from '../site/documents.ts';
import { sitemapPaths, sitemapXml } from '../site/sitemap.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('The site has no public address (`site`): cannot write sitemap.xml.');
  return new Response(sitemapXml(site, sitemapPaths(await getDocuments())), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
