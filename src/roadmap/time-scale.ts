/**
 * The time axis: which period to show, how dates map to x, and ticks that fit the range
 * (years for long ranges, quarters or months for short ones), with labels that keep apart.
 */
import { monthNames } from '../schemas/roadmap-dates.ts';
import { textWidth } from './measure-text.ts';

/** Unit of the axis ticks. */
export type TickUnit = 'year' | 'quarter' | 'month';

/** One tick: a boundary of a unit, and the label of the unit that starts there. */
export interface Tick {
  time: number;
  x: number;
  /** Year boundaries are major (drawn darker); quarter and month boundaries minor. */
  major: boolean;
  /** Label centred over the unit that starts at this tick, if there is room. */
  label?: { text: string; x: number; width: number };
}

const year = (time: number) => new Date(time).getUTCFullYear();
const month = (time: number) => new Date(time).getUTCMonth();

/** The unit that fits a range of `span` ms. */
export function tickUnit(start: number, end: number): TickUnit {
  const years = (end - start) / (365.25 * 86_400_000);
  return years > 3.5 ? 'year' : years > 1.25 ? 'quarter' : 'month';
}

/** The start of the unit holding `time`. */
export function floorTo(unit: TickUnit, time: number): number {
  const m = month(time);
  if (unit === 'year') return Date.UTC(year(time), 0, 1);
  return Date.UTC(year(time), unit === 'quarter' ? m - (m % 3) : m, 1);
}

/** The first unit boundary at or after `time`. */
export function ceilTo(unit: TickUnit, time: number): number {
  const floor = floorTo(unit, time);
  return floor === time ? time : step(unit, floor);
}

function step(unit: TickUnit, time: number): number {
  const y = year(time);
  const m = month(time);
  if (unit === 'year') return Date.UTC(y + 1, 0, 1);
  return Date.UTC(y, m + (unit === 'quarter' ? 3 : 1), 1);
}

/**
 * Ticks for `[start, end)` drawn from `left` to `right`. Every unit boundary is a tick; labels
 * go to every k-th unit so that they keep `minGap` px apart, and are left out when the
 * visible part of their unit is too narrow.
 */
export function makeTicks(
  start: number,
  end: number,
  left: number,
  right: number,
  fontSize: number,
  minGap = 10,
): Tick[] {
  const unit = tickUnit(start, end);
  const scale = (right - left) / (end - start);
  const x = (time: number) => left + (time - start) * scale;
  const ticks: Tick[] = [];
  for (let time = floorTo(unit, start); time < end; time = step(unit, time))
    ticks.push({ time, x: x(Math.max(time, start)), major: unit === 'year' || month(time) === 0 });

  const text = (time: number) => {
    if (unit === 'year') return String(year(time));
    if (unit === 'quarter')
      return month(time) === 0 || time === ticks[0]!.time
        ? `Q${month(time) / 3 + 1} ${year(time)}`
        : `Q${month(time) / 3 + 1}`;
    return month(time) === 0 || time === ticks[0]!.time
      ? `${monthNames[month(time)]} ${year(time)}`
      : monthNames[month(time)]!;
  };
  const widest = Math.max(...ticks.map((tick) => textWidth(text(tick.time), fontSize)));
  const unitWidth = (ticks.length > 1 ? ticks[1]!.x - ticks[0]!.x : right - left) || 1;
  const every = Math.max(1, Math.ceil((widest + minGap) / unitWidth));
  let lastRight = Number.NEGATIVE_INFINITY;
  for (const [index, tick] of ticks.entries()) {
    // Keep labels on a stable rhythm: every k-th year (2025, 2030…), every k-th unit otherwise.
    const position = unit === 'year' ? year(tick.time) : index;
    if (position % every !== 0 && every > 1) continue;
    const from = Math.max(tick.x, left);
    const to = Math.min(x(step(unit, tick.time)), right);
    const label = text(tick.time);
    const width = textWidth(label, fontSize);
    // One unit per label: centred over its unit. Sparser: just after its tick, like a ruler.
    const labelX = Math.min(
      Math.max(every > 1 ? from + 3 : (from + to) / 2 - width / 2, left),
      right - width,
    );
    if ((every === 1 && to - from < width) || labelX < lastRight + minGap) continue;
    tick.label = { text: label, x: labelX, width };
    lastRight = labelX + width;
  }
  return ticks;
}

/**
 * The period to show: `from`/`to` when given, else the extent of `spans` rounded out to the
 * tick unit. An open span (no end) counts a year past its start.
 */
export function choosePeriod(
  spans: readonly { start: number; end: number | undefined }[],
  from?: number,
  to?: number,
): { start: number; end: number } {
  let start = from ?? Math.min(...spans.map((s) => s.start));
  let end = to ?? Math.max(...spans.map((s) => s.end ?? s.start + 365 * 86_400_000));
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    const year = new Date().getUTCFullYear();
    start = from ?? Date.UTC(year, 0, 1);
    end = to ?? Date.UTC(year + 1, 0, 1);
  }
  if (end <= start) end = start + 86_400_000;
  if (from !== undefined && to !== undefined) return { start, end };
  const unit = tickUnit(start, end);
  return { start: from ?? floorTo(unit, start), end: to ?? ceilTo(unit, end) };
}
