/**
 * How each status looks. Colour is never the only cue: every status also has its own fill
 * (solid, hatched, hollow, cross-hatched, dashed outline), so the timeline reads in greyscale
 * print and for colour-blind readers. Colours reach 3:1 against the lanes (WCAG 1.4.11).
 */
import type { RoadmapStatus } from '../schemas/roadmap.ts';

/** Reader-facing name and drawing style of a status. */
export interface StatusStyle {
  label: string;
  /** What the fill means, for the legend's text alternative. */
  pattern: string;
}

export const statusStyles: Record<RoadmapStatus, StatusStyle> = {
  planned: { label: 'Planned', pattern: 'outline' },
  'in-progress': { label: 'In progress', pattern: 'hatched' },
  done: { label: 'Done', pattern: 'solid' },
  'at-risk': { label: 'At risk', pattern: 'cross-hatched' },
  cancelled: { label: 'Cancelled', pattern: 'dashed outline, struck through' },
};
