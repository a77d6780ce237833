/**
 * Checks across roadmap entries, after each entry passed its schema: duplicate ids, unknown
 * tracks and phases, ends before starts, items outside a strict phase, missing dependencies and
 * dependency cycles. Entries that cannot be drawn (duplicate, unknown track, end before start)
 * are removed; the rest stay so that one mistake does not hide the whole timeline.
 */
import type { Position } from 'unist';
import { report } from '../diagnostics/report.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { formatRoadmapDate, formatRoadmapRange } from '../schemas/roadmap-dates.ts';
import { findCycles } from './find-cycles.ts';
import {
  itemSpan,
  phaseSpan,
  type Roadmap,
  type RoadmapItem,
  type RoadmapPhase,
  type RoadmapSource,
} from './types.ts';

/**
 * Check a roadmap in place: report problems on the entries' files and drop what cannot be drawn.
 */
export function validateRoadmap(roadmap: Roadmap): void {
  roadmap.tracks = unique(roadmap.tracks, 'track');
  roadmap.phases = unique(roadmap.phases, 'phase').filter(checkPhaseDates);
  roadmap.items = unique(roadmap.items, 'item');
  // Items left out below (unknown track, bad dates) were reported once: depending on them is
  // not a second error.
  const written = new Set(roadmap.items.map((item) => item.id));

  const trackIds = roadmap.tracks.map((track) => track.id);
  const phases = new Map(roadmap.phases.map((phase) => [phase.id, phase]));
  // A file that is not valid YAML was reported once; what it would define is unknown, so names
  // that may be defined there are not follow-on errors.
  const partial = (roadmap.unreadable?.length ?? 0) > 0;
  roadmap.items = roadmap.items.filter((item) => {
    const knownTrack = trackIds.includes(item.track);
    if (!knownTrack && !partial)
      unknown(
        item.source,
        ['track'],
        'track',
        item.track,
        trackIds,
        'roadmap-unknown-track',
        `Item \`${item.id}\``,
      );
    if (item.phase !== undefined && !phases.has(item.phase)) {
      if (!partial)
        unknown(
          item.source,
          ['phase'],
          'phase',
          item.phase,
          [...phases.keys()],
          'roadmap-unknown-phase',
          `Item \`${item.id}\``,
        );
      delete item.phase;
    }
    if (!knownTrack) return false;
    if (!checkItemDates(item)) return false;
    const phase = item.phase === undefined ? undefined : phases.get(item.phase);
    if (phase?.strict) checkInsidePhase(item, phase);
    return true;
  });
  checkDependencies(roadmap.items, written, partial);
}

/** Keep the first entry of each id; report every repeat at both places. */
function unique<T extends { id: string; source?: RoadmapSource }>(entries: T[], kind: string): T[] {
  const seen = new Map<string, T>();
  return entries.filter((entry) => {
    const first = seen.get(entry.id);
    if (!first) {
      seen.set(entry.id, entry);
      return true;
    }
    const here = entry.source?.place(['id']);
    const there = first.source?.place(['id']);
    report(
      entry.source!.file,
      'error',
      `Duplicate ${kind} id \`${entry.id}\` (first defined at ${where(first.source, there)})`,
      here,
      'roadmap-duplicate-id',
      `Give this ${kind} another id.`,
    );
    if (first.source)
      report(
        first.source.file,
        'error',
        `Duplicate ${kind} id \`${entry.id}\` (defined again at ${where(entry.source, here)})`,
        there,
        'roadmap-duplicate-id',
        `Ids of ${kind}s must be unique across \`roadmap/*.yaml\`.`,
      );
    return false;
  });
}

/** `roadmap/items.yaml:12:5` for a message that mentions another place. */
function where(source: RoadmapSource | undefined, place: Position | undefined): string {
  const start = place?.start;
  return `${source?.file.path ?? '?'}${start ? `:${start.line}:${start.column}` : ''}`;
}

function unknown(
  source: RoadmapSource | undefined,
  path: string[],
  kind: string,
  value: string,
  known: string[],
  ruleId: string,
  owner: string,
): void {
  const suggestion = didYouMean(value, known);
  report(
    source!.file,
    'error',
    `${owner} has unknown ${kind} \`${value}\``,
    source?.place(path),
    ruleId,
    suggestion
      ? `Did you mean \`${suggestion}\`?`
      : `Known ${kind}s: ${known.map((k) => `\`${k}\``).join(', ') || 'none'}.`,
  );
}

function checkPhaseDates(phase: RoadmapPhase): boolean {
  if (!phase.end || phase.end.end > phase.start.start) return true;
  report(
    phase.source!.file,
    'error',
    `Phase \`${phase.id}\` ends (${formatRoadmapDate(phase.end)}) before it starts (${formatRoadmapDate(phase.start)})`,
    phase.source?.place(['end']),
    'roadmap-end-before-start',
    'Swap `start` and `end`, or fix the year.',
  );
  return false;
}

function checkItemDates(item: RoadmapItem): boolean {
  if (item.kind === 'milestone' || !item.end || item.end.end > item.start.start) return true;
  report(
    item.source!.file,
    'error',
    `Activity \`${item.id}\` ends (${formatRoadmapDate(item.end)}) before it starts (${formatRoadmapDate(item.start)})`,
    item.source?.place(['end']),
    'roadmap-end-before-start',
    'Swap `start` and `end`, or fix the year.',
  );
  return false;
}

function checkInsidePhase(item: RoadmapItem, phase: RoadmapPhase): void {
  const span = itemSpan(item);
  const bounds = phaseSpan(phase);
  const before = span.start < bounds.start;
  const after = bounds.end !== undefined && (span.end === undefined || span.end > bounds.end);
  if (!before && !after) return;
  const field = item.kind === 'milestone' ? 'date' : before ? 'start' : 'end';
  const dates =
    item.kind === 'milestone'
      ? formatRoadmapDate(item.date)
      : formatRoadmapRange(item.start, item.end);
  report(
    item.source!.file,
    'error',
    `${item.kind === 'milestone' ? 'Milestone' : 'Activity'} \`${item.id}\` (${dates}) lies outside its strict phase \`${phase.id}\` (${formatRoadmapRange(phase.start, phase.end)})`,
    item.source?.place([field]) ?? item.source?.place(),
    'roadmap-outside-phase',
    `Move the ${field} inside the phase, or put the item in another phase.`,
  );
}

/** Drop dependencies on missing ids (reported), then report each cycle once, by name. */
function checkDependencies(
  items: RoadmapItem[],
  written: ReadonlySet<string>,
  partial = false,
): void {
  const byId = new Map(items.map((item) => [item.id, item]));
  const ids = [...byId.keys()];
  const asWritten = new Map(items.map((item) => [item.id, [...item.dependsOn]]));
  for (const item of items) {
    item.dependsOn = item.dependsOn.filter((target, index) => {
      if (byId.has(target)) return true;
      if (written.has(target) || partial) return false;
      const suggestion = didYouMean(target, ids);
      report(
        item.source!.file,
        'error',
        `Item \`${item.id}\` depends on missing item \`${target}\``,
        item.source?.place(['dependsOn', index]),
        'roadmap-missing-dependency',
        suggestion ? `Did you mean \`${suggestion}\`?` : 'Add the item, or remove the dependency.',
      );
      return false;
    });
  }
  const edges = new Map(items.map((item) => [item.id, item.dependsOn]));
  for (const cycle of findCycles(ids, edges)) {
    const item = byId.get(cycle[0]!)!;
    // Point at the `dependsOn` entry as written (missing ones were removed from the list).
    const index = asWritten.get(item.id)!.indexOf(cycle[1]!);
    report(
      item.source!.file,
      'error',
      `Dependency cycle: ${cycle.map((id) => `\`${id}\``).join(' → ')}`,
      item.source?.place(['dependsOn', index]),
      'roadmap-dependency-cycle',
      'An item cannot (indirectly) depend on itself: remove one of these dependencies.',
    );
  }
}
