/**
 * Synthetic roadmaps for the layout tests and the benchmark: seeded, so every failure can be
 * replayed, and shaped by a few knobs (size, period, precision of dates, clustering, long or
 * non-Latin titles, dependencies, ongoing activities).
 */
import { parseRoadmapDate, type RoadmapDate } from '../../src/schemas/roadmap-dates.ts';
import { roadmapStatuses } from '../../src/schemas/roadmap.ts';
import type { Roadmap, RoadmapItem } from '../../src/roadmap/types.ts';

/** A small, fast, seeded PRNG (mulberry32): numbers in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The knobs of a generated roadmap. */
export interface Shape {
  items: number;
  tracks: number;
  /** First year and number of years the items spread over. */
  fromYear?: number;
  years?: number;
  /** Share of milestones (default: 0.5). */
  milestones?: number;
  /** Share of activities without an end (default: 0.1). */
  ongoing?: number;
  /** Put every item on the same few dates. */
  clustered?: boolean;
  /** Title length range in characters (default: [4, 60]). */
  titleLength?: [number, number];
  /** Use non-Latin letters in titles. */
  unicode?: boolean;
  /** Share of items that depend on an earlier one (default: 0.2). */
  dependencies?: number;
  /** Number of phases laid end to end over the period (default: 3). */
  phases?: number;
}

const words = [
  'data',
  'federation',
  'compute',
  'identity',
  'exabyte',
  'workflow',
  'policy',
  'SRCNet',
  'HL-LHC',
  'LOFAR2.0',
  'AI/ML',
  'training',
  'W',
  'M',
  'iii',
];
const unicodeWords = ['données', 'Ωmega', 'データ', '计算', 'ŻÓŁW', 'ﬁle', '🚀', 'Straße'];

/** Generate a roadmap. */
export function generateRoadmap(seed: number, shape: Shape): Roadmap {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const fromYear = shape.fromYear ?? 2024;
  const years = shape.years ?? 10;
  const months = Math.max(1, Math.round(years * 12));
  const [minTitle, maxTitle] = shape.titleLength ?? [4, 60];
  const tracks = Array.from({ length: shape.tracks }, (_, i) => ({
    id: `t${i}`,
    title: `Track ${i} ${pick(words)}`,
  }));
  const phaseCount = shape.phases ?? 3;
  const phases = Array.from({ length: phaseCount }, (_, i) => {
    const start = monthDate(fromYear, Math.floor((i * months) / phaseCount), 'month');
    const end =
      i === phaseCount - 1 && random() < 0.5
        ? undefined
        : monthDate(fromYear, Math.floor(((i + 1) * months) / phaseCount) - 1, 'month');
    return {
      id: `p${i}`,
      title: `Phase ${i} ${pick(words)}`,
      start,
      ...(end ? { end } : {}),
      strict: false,
    };
  });
  const clusters = Array.from({ length: 3 }, () => Math.floor(random() * months));
  const items: RoadmapItem[] = [];
  for (let i = 0; i < shape.items; i++) {
    let title = '';
    const length = minTitle + Math.floor(random() * (maxTitle - minTitle + 1));
    while (title.length < length)
      title += `${title ? ' ' : ''}${shape.unicode && random() < 0.5 ? pick(unicodeWords) : pick(words)}`;
    title = title.slice(0, Math.max(length, 1));
    const month = shape.clustered ? pick(clusters) : Math.floor(random() * months);
    const precision = pick(['year', 'quarter', 'month', 'day'] as const);
    const base = {
      id: `i${i}`,
      title,
      track: pick(tracks).id,
      status: pick(roadmapStatuses),
      dependsOn:
        i > 0 && random() < (shape.dependencies ?? 0.2) ? [`i${Math.floor(random() * i)}`] : [],
      stakeholders: [],
      related: [],
    };
    if (random() < (shape.milestones ?? 0.5)) {
      items.push({ ...base, kind: 'milestone', date: monthDate(fromYear, month, precision) });
    } else {
      const start = monthDate(fromYear, month, precision);
      const length = shape.clustered ? 0 : Math.floor(random() * random() * months);
      const end =
        random() < (shape.ongoing ?? 0.1)
          ? undefined
          : monthDate(fromYear, month + length, pick(['year', 'quarter', 'month', 'day'] as const));
      if (end && end.end <= start.start)
        items.push({ ...base, kind: 'activity', start, end: start });
      else items.push({ ...base, kind: 'activity', start, ...(end ? { end } : {}) });
    }
  }
  return { tracks, phases, items };
}

/** The date `month` months after January of `fromYear`, written at `precision`. */
function monthDate(
  fromYear: number,
  month: number,
  precision: 'year' | 'quarter' | 'month' | 'day',
): RoadmapDate {
  const year = fromYear + Math.floor(month / 12);
  const m = (month % 12) + 1;
  const text =
    precision === 'year'
      ? `${year}`
      : precision === 'quarter'
        ? `${year}-Q${Math.ceil(m / 3)}`
        : precision === 'month'
          ? `${year}-${String(m).padStart(2, '0')}`
          : `${year}-${String(m).padStart(2, '0')}-${String(1 + ((month * 7) % 28)).padStart(2, '0')}`;
  return parseRoadmapDate(text) as RoadmapDate;
}
