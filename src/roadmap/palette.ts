/**
 * Colours of the timeline, written into the SVG as presentation attributes so that it draws
 * correctly without the stylesheet (in a PDF, a feed, a copied file). Text colours reach 4.5:1
 * on every background they sit on, mark colours 3:1 (checked in tests/roadmap/palette.test.ts).
 */
import type { RoadmapStatus } from '../schemas/roadmap.ts';

export const palette = {
  text: '#1f2328',
  muted: '#4b5563',
  laneOdd: '#f4f5f7',
  laneEven: '#ffffff',
  laneRule: '#c9ced6',
  tickMajor: '#b9c0c9',
  tickMinor: '#e1e4e8',
  arrow: '#56606e',
  today: '#b3261e',
  /** Phase bands, in turn; light enough that text on them keeps its contrast. */
  phases: ['#e8f0fb', '#f1ecfa', '#e7f4ec', '#fbf0e3'],
  phaseRule: '#6e7886',
} as const;

/** Stroke (and solid fill) colour of each status. */
export const statusColours: Record<RoadmapStatus, string> = {
  planned: '#44505c',
  'in-progress': '#0b6e63',
  done: '#1f5fa8',
  'at-risk': '#a84300',
  cancelled: '#6b7280',
};
