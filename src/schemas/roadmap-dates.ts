/**
 * Roadmap dates: `2027`, `2027-Q3`, `2027-06` or `2027-06-15`, each kept at the precision it
 * was written with. A date is the half-open range of days it names, `[start, end)`, as UTC
 * milliseconds: `2027-Q3` is 1 July 2027 (included) to 1 October 2027 (excluded).
 */

/** How precisely a date was written. */
export type DatePrecision = 'year' | 'quarter' | 'month' | 'day';

/** A parsed roadmap date. */
export interface RoadmapDate {
  /** The date as written (`2027-Q3`). */
  text: string;
  precision: DatePrecision;
  /** First instant of the range (UTC ms, inclusive). */
  start: number;
  /** First instant after the range (UTC ms, exclusive). */
  end: number;
}

const pattern = /^(\d{4})(?:-(?:Q([1-4])|(\d{2})(?:-(\d{2}))?))?$/;
/** Short month names, as dates and the time axis show them. */
export const monthNames = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/**
 * Parse a roadmap date.
 *
 * @param value the YAML value: a string, or a number for a bare year (`2027`).
 * @returns the date, or a reason why it is not one.
 */
export function parseRoadmapDate(value: unknown): RoadmapDate | { error: string } {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string')
    return { error: 'a date must be written as `YYYY`, `YYYY-QN`, `YYYY-MM` or `YYYY-MM-DD`' };
  const match = pattern.exec(text.trim());
  if (!match)
    return {
      error: `\`${text}\` is not a date; write \`YYYY\`, \`YYYY-QN\`, \`YYYY-MM\` or \`YYYY-MM-DD\``,
    };
  const year = Number(match[1]);
  if (year < 1900 || year > 2199)
    return { error: `year \`${year}\` is out of range (1900 to 2199)` };
  if (match[2]) {
    const quarter = Number(match[2]);
    return {
      text,
      precision: 'quarter',
      start: Date.UTC(year, (quarter - 1) * 3, 1),
      end: Date.UTC(year, quarter * 3, 1),
    };
  }
  if (match[3]) {
    const month = Number(match[3]);
    if (month < 1 || month > 12)
      return { error: `\`${text}\` has no month ${match[3]} (use 01 to 12)` };
    if (match[4]) {
      const day = Number(match[4]);
      const start = Date.UTC(year, month - 1, day);
      if (day < 1 || new Date(start).getUTCMonth() !== month - 1) {
        return { error: `\`${text}\` is not a day of ${monthNames[month - 1]} ${year}` };
      }
      return { text, precision: 'day', start, end: Date.UTC(year, month - 1, day + 1) };
    }
    return {
      text,
      precision: 'month',
      start: Date.UTC(year, month - 1, 1),
      end: Date.UTC(year, month, 1),
    };
  }
  return { text, precision: 'year', start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
}

/** Whether {@link parseRoadmapDate} returned a date (not an error). */
export function isRoadmapDate(value: RoadmapDate | { error: string }): value is RoadmapDate {
  return !('error' in value);
}

/**
 * A date for readers, at its own precision: `2027`, `Q3 2027`, `Jun 2027`, `15 Jun 2027`.
 */
export function formatRoadmapDate(date: RoadmapDate): string {
  const d = new Date(date.start);
  const year = d.getUTCFullYear();
  switch (date.precision) {
    case 'year':
      return String(year);
    case 'quarter':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${year}`;
    case 'month':
      return `${monthNames[d.getUTCMonth()]} ${year}`;
    case 'day':
      return `${d.getUTCDate()} ${monthNames[d.getUTCMonth()]} ${year}`;
  }
}

/** A range for readers: `Jul 2026 – Jun 2029`, `from 2028` when open-ended. */
export function formatRoadmapRange(start: RoadmapDate, end: RoadmapDate | undefined): string {
  if (!end) return `from ${formatRoadmapDate(start)}`;
  if (start.text === end.text) return formatRoadmapDate(start);
  return `${formatRoadmapDate(start)} – ${formatRoadmapDate(end)}`;
}

/** A JS `Date` as a day-precision roadmap date (for the "today" line). */
export function roadmapDateOf(date: Date): RoadmapDate {
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return {
    text: new Date(start).toISOString().slice(0, 10),
    precision: 'day',
    start,
    end: start + 86_400_000,
  };
}
