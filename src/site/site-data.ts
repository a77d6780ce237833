import type { AssembledDocument, AssembledProject } from '../assemble/assemble-project.ts';
import type { WithExtensionData } from '../assemble/data-key.ts';
import type { Target } from '../markdown/targets.ts';
import type { ProjectMetadata } from '../schemas/project-metadata.ts';

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

/** What the site stores once for the whole project: the extensions' project data. */
export interface SiteProject extends WithExtensionData {
  /** `project.yaml`: the publishing organisation's facts (`{}` when there is none). */
  metadata: ProjectMetadata;
  extensions: Record<string, unknown>;
}

/** One entry of the content store: a document (with its place in project order) or the project. */
export type StoreEntry =
  | { id: string; data: { kind: 'document'; position: number; document: SiteDocument } }
  | { id: typeof projectEntryId; data: { kind: 'project'; project: SiteProject } };

/** Id of the store entry that holds the project data (not a valid document id). */
export const projectEntryId = '~project';

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
    extensions: plain(document.extensions),
  }));
}

/** The content store's entries for an assembled project: each document, then the project. */
export function toStoreEntries(project: AssembledProject): StoreEntry[] {
  const documents = toSiteDocuments(project).map((document, position): StoreEntry => ({
    id: document.id,
    data: { kind: 'document', position, document },
  }));
  const whole: StoreEntry = {
    id: projectEntryId,
    data: {
      kind: 'project',
      project: { metadata: project.metadata, extensions: plain(project.extensions) },
    },
  };
  return [...documents, whole];
}

/** A deep copy without functions or `undefined` fields: what a JSON store keeps. */
function plain(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

function toSiteTarget(target: Target): SiteTarget {
  return { id: target.id, number: target.number, title: target.title, href: target.href };
}
