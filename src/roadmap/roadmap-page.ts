/**
 * Data of the roadmap page (`src/pages/roadmap.astro`): the whole roadmap, its links resolved
 * by the assembly, so that the page stays a thin template.
 */
import { formatRoadmapRange } from '../schemas/roadmap-dates.ts';
import { renderRoadmapHtml } from './render-roadmap-html.ts';
import type { RoadmapPage, RoadmapReferenceLink } from './roadmap-data.ts';
import type { Roadmap } from './types.ts';

/** Width of the page's timeline: the page lets the figure use 72rem. */
export const roadmapPageWidth = 1080;

/**
 * The roadmap rendered whole for its page, with links to the sections of the documents.
 *
 * @param roadmap the assembled roadmap.
 * @param references every `related` reference, resolved (href and label).
 * @param today date of the today line.
 */
export function roadmapPage(
  roadmap: Roadmap,
  references: Readonly<Record<string, RoadmapReferenceLink>>,
  today: Date,
): RoadmapPage {
  const html = renderRoadmapHtml(
    roadmap,
    {},
    {
      idPrefix: 'roadmap',
      hrefFor: (ref) => references[ref]?.href,
      labelFor: (ref) => references[ref]?.label,
      today,
      width: roadmapPageWidth,
    },
  );
  return {
    html,
    phases: roadmap.phases.map((phase) => ({
      id: phase.id,
      title: phase.title,
      dates: formatRoadmapRange(phase.start, phase.end),
      description: phase.description,
    })),
    tracks: roadmap.tracks.map((track) => ({
      id: track.id,
      title: track.title,
      description: track.description,
      items: roadmap.items.filter((item) => item.track === track.id).length,
    })),
  };
}
