/**
 * Words for an item, shared by the SVG (`<title>`, `aria-label`), the table and the client
 * tooltip: its kind and dates at their precision, its status.
 */
import { formatRoadmapDate, formatRoadmapRange } from '../schemas/roadmap-dates.ts';
import { statusStyles } from './status-style.ts';
import type { RoadmapItem } from './types.ts';

/** `Milestone, Jun 2026` or `Activity, Jul 2026 – Jun 2029` or `Activity, from 2028 (ongoing)`. */
export function describeWhen(item: RoadmapItem): string {
  if (item.kind === 'milestone') return `Milestone, ${formatRoadmapDate(item.date)}`;
  return `Activity, ${formatRoadmapRange(item.start, item.end)}${item.end ? '' : ' (ongoing)'}`;
}

/** One line for screen readers: `Final SRIDA: milestone, 3 Jun 2026, done`. */
export function describeItem(item: RoadmapItem, trackTitle?: string): string {
  const when = describeWhen(item);
  return `${item.title}: ${when.charAt(0).toLowerCase()}${when.slice(1)}, ${statusStyles[item.status].label.toLowerCase()}${trackTitle ? ` (${trackTitle})` : ''}`;
}
