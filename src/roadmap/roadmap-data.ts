/**
 * What the roadmap extension hands the site, and the keys the pages read it with
 * (`dataOf(document, roadmapKey)`, `dataOf(project, roadmapPageKey)`).
 */
import { dataKey } from '../assemble/data-key.ts';

/** A `related` reference resolved for the site: where it goes and how it reads. */
export interface RoadmapReferenceLink {
  href: string;
  label: string;
}

/** What the extension stores per document. */
export interface RoadmapDocumentData {
  /** Every `related` reference of the roadmap that points into this document. */
  references: Record<string, RoadmapReferenceLink>;
  /** Target id in this document → items that relate to it (for "Roadmap:" back links). */
  backlinks: Record<string, { id: string; title: string; href: string }[]>;
}

/** What the roadmap page shows. */
export interface RoadmapPage {
  /** The figure: timeline and table. */
  html: string;
  phases: { id: string; title: string; dates: string; description?: string }[];
  tracks: { id: string; title: string; description?: string; items: number }[];
}

/** Key of the per-document roadmap data. */
export const roadmapKey = dataKey<RoadmapDocumentData>('roadmap');

/** Key of the roadmap page's data (absent when the project has no roadmap). */
export const roadmapPageKey = dataKey<RoadmapPage>('roadmap-page');
