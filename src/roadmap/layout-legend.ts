/**
 * The legend under the timeline: one entry per status and per kind of mark, flowed into rows
 * that fit the width.
 */
import { roadmapStatuses, type RoadmapStatus } from '../schemas/roadmap.ts';
import { statusStyles } from './status-style.ts';
import { textWidth } from './measure-text.ts';
import { box, type Box, type TextBox } from './text-box.ts';

/** What a legend entry shows. */
export type LegendKind = 'status' | 'milestone' | 'activity' | 'ongoing' | 'dependency' | 'today';

export interface LegendEntry {
  kind: LegendKind;
  status?: RoadmapStatus;
  swatch: Box;
  label: TextBox;
}

export interface LegendLayout {
  y: number;
  height: number;
  entries: LegendEntry[];
}

const swatchWidth = 26;
const rowHeight = 22;

/**
 * Place the legend entries from `top`, wrapping at `width - margin`.
 *
 * @param withToday whether the timeline has a today line to explain.
 */
export function layoutLegend(
  top: number,
  width: number,
  margin: number,
  fontSize: number,
  withToday: boolean,
): LegendLayout {
  const wanted: { kind: LegendKind; status?: RoadmapStatus; text: string }[] = [
    ...roadmapStatuses.map((status) => ({
      kind: 'status' as const,
      status,
      text: statusStyles[status].label,
    })),
    { kind: 'milestone', text: 'Milestone' },
    { kind: 'activity', text: 'Activity' },
    { kind: 'ongoing', text: 'Continues' },
    { kind: 'dependency', text: 'Depends on' },
    ...(withToday ? [{ kind: 'today' as const, text: 'Today' }] : []),
  ];
  const entries: LegendEntry[] = [];
  let x = margin;
  let row = 0;
  for (const entry of wanted) {
    const w = swatchWidth + 6 + textWidth(entry.text, fontSize);
    if (x > margin && x + w > width - margin) {
      row++;
      x = margin;
    }
    const y = top + row * rowHeight;
    entries.push({
      kind: entry.kind,
      ...(entry.status ? { status: entry.status } : {}),
      swatch: { x, y: y + 3, width: swatchWidth, height: 12 },
      label: box(entry.text, entry.text, x + swatchWidth + 6, y + 13, fontSize),
    });
    x += w + 18;
  }
  return { y: top, height: (row + 1) * rowHeight, entries };
}
