import type { AssembledDocument, AssembledProject } from '../assemble/assemble-project.ts';
import type { Target } from '../assemble/targets.ts';

/** A figure or table as the site lists it. */
export interface SiteTarget {
  id: string;
  number: string;
  title: string;
  href: string;
}

/** What the site stores for each document: plain, serialisable data. */
export type SiteDocument = Omit<AssembledDocument, 'assets' | 'figures' | 'tables'> & {
  figures: SiteTarget[];
  tables: SiteTarget[];
};

/** Plain data of every document, in the order the project lists them (SRIDA first). */
export function toSiteDocuments(project: AssembledProject): SiteDocument[] {
  return project.documents.map((document) => ({
    id: document.id,
    metadata: document.metadata,
    abstractHtml: document.abstractHtml,
    abstractText: document.abstractText,
    chapters: document.chapters,
    recommendations: document.recommendations,
    figures: document.figures.map(toSiteTarget),
    tables: document.tables.map(toSiteTarget),
    extensions: JSON.parse(JSON.stringify(document.extensions ?? {})),
  }));
}

function toSiteTarget(target: Target): SiteTarget {
  return { id: target.id, number: target.number, title: target.title, href: target.href };
}
