/**
 * A whole roadmap figure: the server-side SVG timeline in a horizontally scrollable frame, and
 * the same items as a table in an expandable `<details>`. Works without script; the client
 * script (`timeline-enhance.ts`) adds filters and tooltips.
 */
import { formatRoadmapDate } from './dates.ts';
import { escapeHtml as e } from './escape.ts';
import { filterRoadmap, type RoadmapFilter } from './filter.ts';
import { layoutTimeline } from './layout-timeline.ts';
import { renderRoadmapTable } from './render-roadmap-table.ts';
import { renderTimelineSvg, statusSummary } from './render-timeline-svg.ts';
import type { Roadmap } from './types.ts';

/** Options of {@link renderRoadmapHtml}. */
export interface RoadmapHtmlOptions {
  /** Prefix of all ids in the figure; unique in the page (e.g. `roadmap`, `roadmap-2`). */
  idPrefix: string;
  /** URL of a `document#id` reference, e.g. `/srida/roadmap/#phases`; undefined if unknown. */
  hrefFor(ref: string): string | undefined;
  /** Text of a reference in the table (e.g. `SRIDA Priority P2`; default: the reference). */
  labelFor?(ref: string): string | undefined;
  /** Draw a today line at this date. */
  today?: Date;
  /** Figure caption (HTML, already rendered), e.g. from the directive's label. */
  caption?: string;
  /** Width of the drawing's viewBox in px (default: `720`: a reading column, or an A4 text width, at about 1:1). */
  width?: number;
}

/**
 * Render a roadmap, filtered, as a `<figure class="roadmap">`.
 */
export function renderRoadmapHtml(roadmap: Roadmap, filter: RoadmapFilter, options: RoadmapHtmlOptions): string {
  const p = options.idPrefix;
  const shown = filterRoadmap(roadmap, filter);
  const layout = layoutTimeline(shown, {
    width: options.width,
    today: options.today,
    from: filter.from?.start,
    to: filter.to?.end,
  });
  const first = new Date(layout.period.start).getUTCFullYear();
  const last = new Date(layout.period.end - 1).getUTCFullYear();
  const milestones = shown.items.filter((item) => item.kind === 'milestone').length;
  const title = `Roadmap timeline, ${first === last ? first : `${first} to ${last}`}`;
  const description = [
    `${shown.items.length} items (${milestones} milestones as diamonds, ${shown.items.length - milestones} activities as bars) in ${shown.tracks.length} tracks: ${shown.tracks.map((t) => t.title).join(', ')}.`,
    shown.phases.length ? `Phases: ${shown.phases.map((phase) => `${phase.title} (from ${formatRoadmapDate(phase.start)}${phase.end ? ` to ${formatRoadmapDate(phase.end)}` : ''})`).join(', ')}.` : '',
    `Status is shown by fill: ${statusSummary()}. Arrows join an item to the items that depend on it.`,
    'Each item links to the section that discusses it; the table after the drawing lists the same items.',
  ].filter(Boolean).join(' ');
  const hrefOf = (item: Roadmap['items'][number]) => {
    for (const ref of item.related) {
      const href = options.hrefFor(ref);
      if (href) return href;
    }
    return `#${p}-row-${item.id}`;
  };
  const svg = renderTimelineSvg(layout, { idPrefix: p, hrefOf, title, description });
  const table = renderRoadmapTable(shown, options);
  const caption = options.caption ? `<figcaption>${options.caption}</figcaption>` : '';
  const empty = shown.items.length === 0 ? '<p class="roadmap-empty">No roadmap items match this selection.</p>' : '';
  return `<figure class="roadmap" id="${e(p)}" data-roadmap>`
    + `<div class="roadmap-scroll">${svg}</div>${empty}${caption}`
    + `<details class="roadmap-data"><summary>The roadmap as a table (${shown.items.length} items)</summary><div class="roadmap-table-scroll">${table}</div></details>`
    + `</figure>`;
}
