/**
 * Timeline geometry: pure numbers, no markup. Swimlanes per track, a time axis, phase bands,
 * milestone and activity marks, labels packed into rows so that none overlaps another or leaves
 * the drawing, dependency arrows, an optional today line and a legend. O(n log n) in the number
 * of items (sorting and row packing).
 */
import { formatRoadmapDate } from '../schemas/roadmap-dates.ts';
import { arrowPath } from './arrow-path.ts';
import { layoutLegend, type LegendLayout } from './layout-legend.ts';
import { textWidth, truncateText } from './measure-text.ts';
import { packRows } from './pack-rows.ts';
import { choosePeriod, makeTicks, type Tick } from './time-scale.ts';
import {
  itemSpan,
  phaseSpan,
  type Roadmap,
  type RoadmapItem,
  type RoadmapPhase,
  type RoadmapTrack,
} from './types.ts';
import { box, type Box, type TextBox } from './text-box.ts';

export type { Box, TextBox } from './text-box.ts';

/** Options of {@link layoutTimeline}. */
export interface TimelineOptions {
  /** Width of the viewBox in px (default: `720`, a reading column at about 1:1). */
  width?: number;
  /** Draw a "today" line at this date when it is inside the shown period. */
  today?: Date;
  /** Show the period from this instant (UTC ms; default: the first item or phase, by unit). */
  from?: number;
  /** …to this one (UTC ms, exclusive; default: the last end, by unit). */
  to?: number;
  /** Longest item label in px before it is cut with `…` (default: `230`). */
  maxLabelWidth?: number;
  /** Draw the legend under the lanes (default: true). */
  legend?: boolean;
}

/** Where one item is drawn. */
export interface ItemGeometry {
  item: RoadmapItem;
  lane: number;
  row: number;
  /** Activity: the bar; milestone: the range of its date (a day, a month, a quarter…). */
  x1: number;
  x2: number;
  /** Centre of the mark: the milestone's diamond, the bar's middle. */
  cx: number;
  cy: number;
  /** Everything drawn for the mark (bar, diamond, whisker, arrow heads). */
  mark: Box;
  label: TextBox;
  /** The item starts before the shown period. */
  continuesBefore: boolean;
  /** The item is ongoing or ends after the shown period. */
  continuesAfter: boolean;
}

/** The computed drawing. */
export interface TimelineLayout {
  width: number;
  height: number;
  /** The time axis spans `left` to `right`; lanes span `top` to `bottom`. */
  plot: { left: number; right: number; top: number; bottom: number };
  period: { start: number; end: number };
  axis: { y: number; ticks: Tick[]; labels: TextBox[] };
  phases: { phase: RoadmapPhase; x1: number; x2: number; openEnd: boolean; label: TextBox }[];
  lanes: { track: RoadmapTrack; y: number; height: number; rows: number; label: TextBox }[];
  items: ItemGeometry[];
  arrows: {
    from: string;
    to: string;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    vertical: boolean;
    path: string;
  }[];
  today?: { x: number; date: Date; label: TextBox };
  legend: LegendLayout;
}

export const fontSize = 12;
const titleSize = 13;
const margin = 8;
const inset = 18;
const rowHeight = 28;
const laneHeader = 22;
const lanePadding = 6;
const labelGap = 10;
const diamond = 6;

/**
 * Lay out a roadmap as a timeline.
 *
 * @param roadmap the (filtered) roadmap; lanes follow `roadmap.tracks`.
 */
export function layoutTimeline(roadmap: Roadmap, options: TimelineOptions = {}): TimelineLayout {
  const width = options.width ?? 720;
  const maxLabel = Math.min(options.maxLabelWidth ?? 230, width - 2 * margin);
  // The items set the period; phases only when there is no item (an empty filtered view).
  const spans =
    roadmap.items.length > 0 ? roadmap.items.map(itemSpan) : roadmap.phases.map(phaseSpan);
  const period = choosePeriod(spans, options.from, options.to);
  const left = inset;
  const right = width - inset;
  const scale = (right - left) / (period.end - period.start);
  const x = (time: number) =>
    left + (Math.min(Math.max(time, period.start), period.end) - period.start) * scale;

  // Phase labels, packed into header rows.
  let y = margin;
  const phaseData = roadmap.phases.map((phase) => {
    const span = phaseSpan(phase);
    const x1 = x(span.start);
    const x2 = span.end === undefined ? right : x(span.end);
    // Full titles: a label wider than its band goes to a row of its own rather than being cut.
    const text = truncateText(phase.title, width - 2 * margin, fontSize, true);
    const w = textWidth(text, fontSize, true);
    const lx = clamp(x1 + 4, margin, width - margin - w);
    return { phase, x1, x2, openEnd: span.end === undefined, text, lx, w };
  });
  const phaseRows = packRows(
    phaseData.map((p) => ({ left: p.lx, right: p.lx + p.w })),
    labelGap,
  );
  const phases = phaseData.map((p, index) => ({
    phase: p.phase,
    x1: p.x1,
    x2: p.x2,
    openEnd: p.openEnd,
    label: box(p.text, p.phase.title, p.lx, y + phaseRows[index]! * 18 + 13, fontSize, true),
  }));
  y += phases.length > 0 ? (Math.max(...phaseRows) + 1) * 18 + 2 : 0;

  // Axis labels.
  const axisY = y;
  const ticks = makeTicks(period.start, period.end, left, right, fontSize);
  const axisLabels = ticks.flatMap((tick) =>
    tick.label ? [box(tick.label.text, tick.label.text, tick.label.x, axisY + 14, fontSize)] : [],
  );
  y += 20;
  const plotTop = y;

  // Lanes and items.
  const laneOf = new Map(roadmap.tracks.map((track, index) => [track.id, index]));
  const byLane = roadmap.tracks.map(() => [] as RoadmapItem[]);
  for (const item of roadmap.items) byLane[laneOf.get(item.track) ?? -1]?.push(item);
  const lanes: TimelineLayout['lanes'] = [];
  const items: ItemGeometry[] = [];
  for (const [lane, track] of roadmap.tracks.entries()) {
    const drafts = byLane[lane]!.map((item) => draftItem(item, x, period, width, maxLabel));
    const rows = packRows(
      drafts.map((d) => d.span),
      labelGap,
    );
    const rowCount = drafts.length > 0 ? Math.max(...rows) + 1 : 1;
    const height = laneHeader + rowCount * rowHeight + lanePadding;
    const title = truncateText(track.title, width - 2 * margin, titleSize, true);
    lanes.push({
      track,
      y,
      height,
      rows: rowCount,
      label: box(title, track.title, margin, y + 16, titleSize, true),
    });
    for (const [index, draft] of drafts.entries())
      items.push(placeItem(draft, lane, rows[index]!, y + laneHeader + rows[index]! * rowHeight));
    y += height;
  }
  const plotBottom = y;

  // Today line, its label under the lanes.
  let today: TimelineLayout['today'];
  const now = options.today?.getTime();
  if (now !== undefined && now >= period.start && now < period.end) {
    const tx = x(now);
    const text = `Today: ${formatRoadmapDate({ text: '', precision: 'day', start: now, end: now })}`;
    const w = textWidth(text, fontSize);
    today = {
      x: tx,
      date: options.today!,
      label: box(text, text, clamp(tx - w / 2, margin, width - margin - w), y + 14, fontSize),
    };
    y += 20;
  }

  const legend =
    options.legend === false
      ? { y, height: 0, entries: [] }
      : layoutLegend(y + 10, width, margin, fontSize, today !== undefined);
  y = legend.y + legend.height + margin;

  return {
    width,
    height: Math.ceil(y),
    plot: { left, right, top: plotTop, bottom: plotBottom },
    period,
    axis: { y: axisY, ticks, labels: axisLabels },
    phases,
    lanes,
    items,
    arrows: dependencyArrows(items),
    today,
    legend,
  };
}

interface Draft {
  item: RoadmapItem;
  x1: number;
  x2: number;
  cx: number;
  markLeft: number;
  markRight: number;
  labelX: number;
  text: string;
  continuesBefore: boolean;
  continuesAfter: boolean;
  span: { left: number; right: number };
}

/** Horizontal geometry of an item: its mark, and its label left-aligned on the mark if it fits. */
function draftItem(
  item: RoadmapItem,
  x: (t: number) => number,
  period: { start: number; end: number },
  width: number,
  maxLabel: number,
): Draft {
  const span = itemSpan(item);
  const continuesBefore = span.start < period.start;
  const continuesAfter = span.end === undefined || span.end > period.end;
  let x1 = x(span.start);
  let x2 = span.end === undefined ? x(period.end) : x(span.end);
  let cx: number;
  let markLeft: number;
  let markRight: number;
  if (item.kind === 'milestone') {
    cx = (x1 + x2) / 2;
    markLeft = Math.min(x1, cx - diamond);
    markRight = Math.max(x2, cx + diamond);
  } else {
    if (x2 - x1 < 4) {
      const middle = (x1 + x2) / 2;
      [x1, x2] = [middle - 2, middle + 2];
    }
    cx = (x1 + x2) / 2;
    markLeft = x1 - (continuesBefore ? 7 : 0);
    markRight = x2 + (continuesAfter ? 7 : 0);
  }
  const text = truncateText(item.label ?? item.title, maxLabel, fontSize);
  const w = textWidth(text, fontSize);
  // Start the label at the mark; near the right edge, end it at the mark's end instead.
  let labelX = markLeft;
  if (labelX + w > width - margin) labelX = Math.max(markRight - w, margin);
  labelX = clamp(labelX, margin, width - margin - w);
  return {
    item,
    x1,
    x2,
    cx,
    markLeft,
    markRight,
    labelX,
    text,
    continuesBefore,
    continuesAfter,
    span: { left: Math.min(markLeft, labelX), right: Math.max(markRight, labelX + w) },
  };
}

/** Vertical geometry, once the row is known. */
function placeItem(draft: Draft, lane: number, row: number, top: number): ItemGeometry {
  const cy = top + 21;
  const half = draft.item.kind === 'milestone' ? diamond : 5;
  return {
    item: draft.item,
    lane,
    row,
    x1: draft.x1,
    x2: draft.x2,
    cx: draft.cx,
    cy,
    mark: {
      x: draft.markLeft,
      y: cy - half,
      width: draft.markRight - draft.markLeft,
      height: 2 * half,
    },
    label: box(
      draft.text,
      draft.item.label ?? draft.item.title,
      draft.labelX,
      top + 11.5,
      fontSize,
    ),
    continuesBefore: draft.continuesBefore,
    continuesAfter: draft.continuesAfter,
  };
}

/**
 * An arrow from the end of each shown dependency to the start of the item that needs it. When
 * the item starts before its dependency ends (a milestone at the end of an activity), the arrow
 * instead drops from the dependency's bottom edge (or rises from its top) and turns into the
 * item's start.
 */
function dependencyArrows(items: ItemGeometry[]): TimelineLayout['arrows'] {
  const byId = new Map(items.map((g) => [g.item.id, g]));
  return items.flatMap((g) =>
    g.item.dependsOn.flatMap((id): TimelineLayout['arrows'] => {
      const from = byId.get(id);
      if (!from || from === g) return [];
      const fromEnd = from.item.kind === 'milestone' ? from.cx + diamond : from.x2;
      const toStart = g.item.kind === 'milestone' ? g.cx - diamond - 1 : g.x1 - 1;
      if (toStart - fromEnd >= 12 || from.cy === g.cy) {
        return [
          {
            from: id,
            to: g.item.id,
            x1: fromEnd,
            y1: from.cy,
            x2: toStart,
            y2: g.cy,
            vertical: false,
            path: arrowPath(fromEnd, from.cy, toStart, g.cy),
          },
        ];
      }
      // Leave the dependency a little left of the target's start, so that the line passes
      // beside the target's label (which starts at the mark) rather than through it.
      const x1 = Math.min(
        Math.max(toStart - 5, from.mark.x + 2),
        from.mark.x + from.mark.width - 2,
      );
      const y1 = g.cy > from.cy ? from.mark.y + from.mark.height : from.mark.y;
      return [
        {
          from: id,
          to: g.item.id,
          x1,
          y1,
          x2: toStart,
          y2: g.cy,
          vertical: true,
          path: arrowPath(x1, y1, toStart, g.cy, true),
        },
      ];
    }),
  );
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
