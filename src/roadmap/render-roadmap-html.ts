/**
 * A whole roadmap figure: the server-side SVG timeline in a horizontally scrollable frame, and
 * the same items as a table in an expandable `<details>`. Works without script; the client
 * script (`timeline-enhance.ts`) adds filters and tooltips.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { formatRoadmapDate } from '../schemas/roadmap-dates.ts';
import { filterRoadmap, type RoadmapFilter } from './filter.ts';
import { layoutTimeline, type TimelineLayout } from './layout-timeline.ts';
import { renderRoadmapTable } from './render-roadmap-table.ts';
import { statusSummary, timelineSvg } from './render-timeline-svg.ts';
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
  /** Figure caption (text), e.g. from the directive's label. */
  caption?: string;
  /** Width of the drawing's viewBox in px (default: `720`: a reading column, or an A4 text width, at about 1:1). */
  width?: number;
  /**
   * Also draw the timeline in parts of whole tracks, for print (shown instead of the whole
   * drawing by roadmap.css): a timeline taller than a page then breaks between parts at full
   * size instead of being scaled down onto one page. Every part has the same time axis; the
   * legend is under the last. Arrows between parts are left out.
   */
  printByTrack?: boolean;
}

/**
 * Render a roadmap, filtered, as a `<figure class="roadmap">` (hast).
 */
export function renderRoadmap(
  roadmap: Roadmap,
  filter: RoadmapFilter,
  options: RoadmapHtmlOptions,
): Element {
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
    shown.phases.length
      ? `Phases: ${shown.phases.map((phase) => `${phase.title} (from ${formatRoadmapDate(phase.start)}${phase.end ? ` to ${formatRoadmapDate(phase.end)}` : ''})`).join(', ')}.`
      : '',
    `Status is shown by fill: ${statusSummary()}. Arrows join an item to the items that depend on it.`,
    'Each item links to the section that discusses it; the table after the drawing lists the same items.',
  ]
    .filter(Boolean)
    .join(' ');
  const hrefOf = (item: Roadmap['items'][number]) => {
    for (const ref of item.related) {
      const href = options.hrefFor(ref);
      if (href) return href;
    }
    return `#${p}-row-${item.id}`;
  };
  const svg = timelineSvg(layout, { idPrefix: p, hrefOf, title, description });
  const print = options.printByTrack
    ? renderPrintParts(shown, layout, options, hrefOf, title)
    : undefined;
  const table = renderRoadmapTable(shown, options);
  return h('figure', { className: ['roadmap'], id: p, dataRoadmap: '' }, [
    h('div', { className: ['roadmap-scroll'] }, [svg]),
    print,
    shown.items.length === 0
      ? h('p', { className: ['roadmap-empty'] }, 'No roadmap items match this selection.')
      : undefined,
    options.caption ? h('figcaption', options.caption) : undefined,
    h('details', { className: ['roadmap-data'] }, [
      h('summary', `The roadmap as a table (${shown.items.length} items)`),
      h('div', { className: ['roadmap-table-scroll'] }, [table]),
    ]),
  ]);
}

/** {@link renderRoadmap} as HTML (serialised once, by hast-util-to-html). */
export function renderRoadmapHtml(
  roadmap: Roadmap,
  filter: RoadmapFilter,
  options: RoadmapHtmlOptions,
): string {
  return toHtml(renderRoadmap(roadmap, filter, options));
}

/** Height of the lanes of one printed part, in viewBox px (about 85 mm at A4 text width). */
const partLanes = 360;
/** A drawing up to this height (viewBox px; about 210 mm) prints whole, on one page. */
const pageHeight = 900;

/**
 * The timeline drawn in parts of whole tracks (consecutive tracks together while their lanes
 * fit {@link partLanes}), each on the whole drawing's time axis (see `printByTrack`); none
 * when the whole drawing fits on a page, or would be one part anyway.
 */
function renderPrintParts(
  shown: Roadmap,
  whole: TimelineLayout,
  options: RoadmapHtmlOptions,
  hrefOf: (item: Roadmap['items'][number]) => string,
  title: string,
): Element | undefined {
  if (whole.height <= pageHeight) return undefined;
  const groups: Roadmap['tracks'][] = [];
  let height = Infinity;
  for (const [index, track] of shown.tracks.entries()) {
    const lane = whole.lanes[index]!.height;
    if (height + lane > partLanes) {
      groups.push([]);
      height = 0;
    }
    groups.at(-1)!.push(track);
    height += lane;
  }
  if (groups.length < 2) return undefined;
  const parts = groups.map((tracks, index) => {
    const ids = new Set(tracks.map((track) => track.id));
    const part: Roadmap = {
      ...shown,
      tracks,
      items: shown.items.filter((item) => ids.has(item.track)),
    };
    const layout = layoutTimeline(part, {
      width: options.width,
      today: options.today,
      from: whole.period.start,
      to: whole.period.end,
      legend: index === groups.length - 1,
    });
    const svg = timelineSvg(layout, {
      idPrefix: `${options.idPrefix}-print-${index + 1}`,
      hrefOf,
      title: `${title}, part ${index + 1} of ${groups.length}: ${tracks.map((track) => track.title).join(', ')}`,
      description: `${part.items.length} items. Arrows between items of different parts are not drawn; the web edition and the table show them.`,
    });
    return h('div', { className: ['roadmap-print-part'] }, [svg]);
  });
  return h('div', { className: ['roadmap-print'] }, parts);
}
