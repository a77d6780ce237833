/**
 * The roadmap: `roadmap/*.yaml` loaded, checked, filtered and rendered as a timeline. This is
 * the module's public API; the files behind it are internal.
 */
export { loadRoadmap, readRoadmapFile } from './load-roadmap.ts';
export { validateRoadmap } from './validate-roadmap.ts';
export { checkRoadmapReferences, roadmapItemsByReference } from './check-references.ts';
export { parseRoadmapFilter, filterRoadmap, type RoadmapFilter } from './filter.ts';
export {
  renderRoadmap,
  renderRoadmapHtml,
  type RoadmapHtmlOptions,
} from './render-roadmap-html.ts';
export { layoutTimeline, type TimelineLayout, type TimelineOptions } from './layout-timeline.ts';
export { renderTimelineSvg, timelineSvg } from './render-timeline-svg.ts';
export {
  parseRoadmapDate,
  formatRoadmapDate,
  formatRoadmapRange,
  type RoadmapDate,
  type DatePrecision,
} from '../schemas/roadmap-dates.ts';
export { roadmapStatuses, type RoadmapStatus } from '../schemas/roadmap.ts';
export {
  itemSpan,
  phaseSpan,
  type Roadmap,
  type RoadmapItem,
  type RoadmapTrack,
  type RoadmapPhase,
} from './types.ts';

/** The id of an item's mark in a figure rendered with `idPrefix` (for links to the roadmap page). */
export function roadmapItemAnchor(idPrefix: string, itemId: string): string {
  return `${idPrefix}-item-${itemId}`;
}

/** The id of an item's row in the table of a figure rendered with `idPrefix`. */
export function roadmapRowAnchor(idPrefix: string, itemId: string): string {
  return `${idPrefix}-row-${itemId}`;
}
