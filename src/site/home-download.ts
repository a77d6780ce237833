import { releasesOf } from '../release/site-data.ts';
import type { SiteDocument } from './site-data.ts';

/** The PDF a home-page card offers: the latest verified release, else the working edition. */
export interface HomeDownload {
  href: string;
  /** Name of the download (a release keeps its file name). */
  name?: string;
  version: string;
  /** "42 pages, 1.2 MB" for a release; the working edition is printed after the pages are built. */
  facts?: string;
}

export function homeDownload(document: SiteDocument): HomeDownload {
  const latest = releasesOf(document).latest;
  if (latest?.verified)
    return {
      href: latest.pdf.href,
      name: latest.pdf.name,
      version: latest.version,
      facts: `${latest.pdf.pages} pages, ${latest.pdf.size}`,
    };
  const { edition } = releasesOf(document);
  return { href: `/pdf/${edition.fileName}`, version: edition.version };
}
