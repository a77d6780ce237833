/**
 * Data of the roadmap page (`src/pages/roadmap.astro`): the whole roadmap, its links resolved
 * with what the assembly stored for each document, so that the page stays a thin template.
 */
import { formatRoadmapRange } from './dates.ts';
import { loadRoadmap } from './load-roadmap.ts';
import { renderRoadmapHtml } from './render-roadmap-html.ts';
import type { RoadmapDocumentData, RoadmapReferenceLink } from './roadmap-extension.ts';
import type { Roadmap } from './types.ts';

/** What the roadmap page shows. */
export interface RoadmapPage {
  roadmap?: Roadmap;
  /** The figure: timeline and table. */
  html: string;
  phases: { id: string; title: string; dates: string; description?: string }[];
  tracks: { id: string; title: string; description?: string; items: number }[];
}

/** Width of the page's timeline: the page lets the figure use 72rem. */
export const roadmapPageWidth = 1080;

/**
 * Load the roadmap and render it whole, with links to the sections of the documents.
 *
 * @param root content root.
 * @param documents the site's documents (their `extensions.roadmap` holds the resolved links).
 * @param today date of the today line; default: `SOURCE_DATE_EPOCH` if set, else the build date.
 */
export async function loadRoadmapPage(
  root: string,
  documents: readonly { extensions?: Record<string, unknown> }[],
  today: Date = buildDate(),
): Promise<RoadmapPage> {
  const { roadmap } = await loadRoadmap(root);
  if (!roadmap) return { html: '', phases: [], tracks: [] };
  const references: Record<string, RoadmapReferenceLink> = {};
  for (const document of documents) Object.assign(references, (document.extensions?.roadmap as RoadmapDocumentData | undefined)?.references);
  const html = renderRoadmapHtml(roadmap, {}, {
    idPrefix: 'roadmap',
    hrefFor: (ref) => references[ref]?.href,
    labelFor: (ref) => references[ref]?.label,
    today,
    width: roadmapPageWidth,
  });
  return {
    roadmap,
    html,
    phases: roadmap.phases.map((phase) => ({ id: phase.id, title: phase.title, dates: formatRoadmapRange(phase.start, phase.end), description: phase.description })),
    tracks: roadmap.tracks.map((track) => ({ id: track.id, title: track.title, description: track.description, items: roadmap.items.filter((item) => item.track === track.id).length })),
  };
}

/** `SOURCE_DATE_EPOCH` (reproducible builds) or now. */
function buildDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
}
