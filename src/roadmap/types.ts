/**
 * The loaded roadmap: what `loadRoadmap` returns and the layout and renderers take. Field types
 * come from the Zod schemas; only what loading adds (kind, where each entry was written) is
 * declared here.
 */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { RoadmapDate } from '../schemas/roadmap-dates.ts';
import type { RoadmapItemData, RoadmapPhaseData, RoadmapTrackData } from '../schemas/roadmap.ts';

export type { RoadmapStatus } from '../schemas/roadmap.ts';
export type { RoadmapDate } from '../schemas/roadmap-dates.ts';

/** Where an entry was written, and a way to point at any of its fields. */
export interface RoadmapSource {
  file: VFile;
  /** Position of the entry, or of a field (`['related', 2]`) or, with `key`, of a field's key. */
  place(path?: readonly (string | number)[], key?: boolean): Position | undefined;
}

export type RoadmapTrack = RoadmapTrackData & { source?: RoadmapSource };
export type RoadmapPhase = RoadmapPhaseData & { source?: RoadmapSource };

type ItemFields = Omit<RoadmapItemData, 'date' | 'start' | 'end'> & { source?: RoadmapSource };

/** A point in time. */
export type RoadmapMilestone = ItemFields & { kind: 'milestone'; date: RoadmapDate };

/** A span of time; without `end` it is ongoing. */
export type RoadmapActivity = ItemFields & {
  kind: 'activity';
  start: RoadmapDate;
  end?: RoadmapDate;
};

export type RoadmapItem = RoadmapMilestone | RoadmapActivity;

/** All tracks, phases and items, in file order (files sorted by name). */
export interface Roadmap {
  tracks: RoadmapTrack[];
  phases: RoadmapPhase[];
  items: RoadmapItem[];
  /** Files that could not be read as YAML (reported once): their entries are unknown. */
  unreadable?: string[];
}

/** First and last instant an item covers (UTC ms); `end` undefined for an ongoing activity. */
export function itemSpan(item: RoadmapItem): { start: number; end: number | undefined } {
  if (item.kind === 'milestone') return { start: item.date.start, end: item.date.end };
  return { start: item.start.start, end: item.end?.end };
}

/** First and last instant a phase covers (UTC ms); `end` undefined when open-ended. */
export function phaseSpan(phase: RoadmapPhase): { start: number; end: number | undefined } {
  return { start: phase.start.start, end: phase.end?.end };
}
