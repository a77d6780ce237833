/**
 * Filters of an embedded timeline: `::roadmap{tracks="hl-lhc,ska" phases="foundation"
 * status="planned,in-progress" from="2025" to="2030"}`. All attributes are optional.
 */
import type { VFile } from 'vfile';
import { report, type Place } from '../diagnostics/report.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { parseRoadmapDate, type RoadmapDate } from '../schemas/roadmap-dates.ts';
import { roadmapStatuses, type RoadmapStatus } from '../schemas/roadmap.ts';
import { itemSpan, phaseSpan, type Roadmap } from './types.ts';

/** What part of the roadmap to show; an absent field does not filter. */
export interface RoadmapFilter {
  tracks?: string[];
  phases?: string[];
  statuses?: RoadmapStatus[];
  /** Show from the start of this date… */
  from?: RoadmapDate;
  /** …to the end of this one. */
  to?: RoadmapDate;
}

const attributeNames = ['tracks', 'phases', 'status', 'from', 'to'];
const aliases: Record<string, string> = { track: 'tracks', phase: 'phases', statuses: 'status' };
/** Attributes that remark-directive or the host may set for its own use (`{#id .class}`). */
const ignored = new Set(['id', 'class', 'title']);

/**
 * Read a filter from directive attributes, reporting unknown attributes (warning), unknown
 * tracks, phases and statuses, invalid dates and an empty range (errors) at `place`.
 *
 * @param attrs the directive's attributes (`node.attributes`).
 * @param file the chapter the directive is in.
 * @param place the directive's position.
 * @param roadmap the roadmap, to check track and phase ids (skipped when absent).
 */
export function parseRoadmapFilter(
  attrs: Readonly<Record<string, string | null | undefined>>,
  file: VFile,
  place: Place,
  roadmap?: Roadmap,
): RoadmapFilter {
  const filter: RoadmapFilter = {};
  for (const [rawName, rawValue] of Object.entries(attrs)) {
    const name = aliases[rawName] ?? rawName;
    const value = (rawValue ?? '').trim();
    if (ignored.has(name)) continue;
    if (!attributeNames.includes(name)) {
      const suggestion = didYouMean(rawName, attributeNames);
      report(
        file,
        'warning',
        `Unknown attribute \`${rawName}\` on \`::roadmap\``,
        place,
        'roadmap-filter',
        suggestion
          ? `Did you mean \`${suggestion}\`?`
          : `Use ${attributeNames.map((n) => `\`${n}\``).join(', ')}.`,
      );
      continue;
    }
    if (name === 'from' || name === 'to') {
      const date = parseRoadmapDate(value);
      if ('error' in date)
        report(
          file,
          'error',
          `Invalid \`${rawName}\` date on \`::roadmap\`: ${date.error}`,
          place,
          'roadmap-filter',
        );
      else filter[name] = date;
      continue;
    }
    const values = value.split(/[\s,]+/).filter(Boolean);
    if (name === 'status') {
      filter.statuses = known(
        values,
        [...roadmapStatuses],
        'status',
        file,
        place,
      ) as RoadmapStatus[];
    } else if (name === 'tracks') {
      filter.tracks = roadmap
        ? known(
            values,
            roadmap.tracks.map((t) => t.id),
            'track',
            file,
            place,
          )
        : values;
    } else {
      filter.phases = roadmap
        ? known(
            values,
            roadmap.phases.map((p) => p.id),
            'phase',
            file,
            place,
          )
        : values;
    }
  }
  if (filter.from && filter.to && filter.to.end <= filter.from.start) {
    report(
      file,
      'error',
      `\`to\` (${filter.to.text}) is before \`from\` (${filter.from.text}) on \`::roadmap\``,
      place,
      'roadmap-filter',
      'Swap the two dates.',
    );
    delete filter.to;
  }
  return filter;
}

/** The values that are known; each unknown one is reported with a did-you-mean. */
function known(
  values: string[],
  candidates: string[],
  kind: string,
  file: VFile,
  place: Place,
): string[] {
  return values.filter((value) => {
    if (candidates.includes(value)) return true;
    const suggestion = didYouMean(value, candidates);
    report(
      file,
      'error',
      `Unknown ${kind} \`${value}\` in \`::roadmap\``,
      place,
      'roadmap-filter',
      suggestion
        ? `Did you mean \`${suggestion}\`?`
        : `Known ${kind}s: ${candidates.map((c) => `\`${c}\``).join(', ')}.`,
    );
    return false;
  });
}

/**
 * The part of a roadmap a filter selects. Tracks without items are left out unless named in
 * the filter; phases are those named, else those that overlap the period shown (`from`–`to`,
 * or the selected items' extent).
 */
export function filterRoadmap(roadmap: Roadmap, filter: RoadmapFilter = {}): Roadmap {
  const from = filter.from?.start ?? Number.NEGATIVE_INFINITY;
  const to = filter.to?.end ?? Number.POSITIVE_INFINITY;
  const tracks = filter.tracks ? new Set(filter.tracks) : undefined;
  const phases = filter.phases ? new Set(filter.phases) : undefined;
  const statuses = filter.statuses ? new Set<string>(filter.statuses) : undefined;
  const items = roadmap.items.filter((item) => {
    if (tracks && !tracks.has(item.track)) return false;
    if (phases && (item.phase === undefined || !phases.has(item.phase))) return false;
    if (statuses && !statuses.has(item.status)) return false;
    const span = itemSpan(item);
    return span.start < to && (span.end ?? Number.POSITIVE_INFINITY) > from;
  });
  const used = new Set(items.map((item) => item.track));
  // Without dates in the filter, the phases shown are those the selected items reach.
  let [first, last] = [from, to];
  if (filter.from === undefined && filter.to === undefined && items.length > 0) {
    const spans = items.map(itemSpan);
    first = Math.min(...spans.map((span) => span.start));
    last = Math.max(...spans.map((span) => span.end ?? Number.POSITIVE_INFINITY));
  }
  return {
    tracks: roadmap.tracks.filter((track) => (tracks ? tracks.has(track.id) : used.has(track.id))),
    phases: roadmap.phases.filter((phase) => {
      if (phases) return phases.has(phase.id);
      const span = phaseSpan(phase);
      return span.start < last && (span.end ?? Number.POSITIVE_INFINITY) > first;
    }),
    items,
  };
}
