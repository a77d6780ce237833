/**
 * Release dates are `YYYY-MM-DD`, or `YYYY-MM` when only the month is on record (the shipped
 * consultation drafts of October 2025). These helpers keep that distinction everywhere a date
 * is shown or stamped, so that no day is ever made up for display.
 */

/** The day, when the date has one. */
export function fullDate(date: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

/**
 * `SOURCE_DATE_EPOCH` of a release: midnight UTC of its date, or of the first day of its month
 * when only the month is known. It fixes the dates inside the PDF, so that a rebuild from the
 * tag gives the same bytes.
 */
export function sourceDateEpoch(date: string): number {
  const day = fullDate(date) ?? `${date}-01`;
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/** "3 June 2026", or "October 2025" for a month. */
export function formatReleaseDate(date: string, language = 'en'): string {
  const locale = language === 'en' ? 'en-GB' : language;
  const day = fullDate(date);
  const when = new Date(`${day ?? `${date}-01`}T00:00:00Z`);
  return when.toLocaleDateString(
    locale,
    day
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { month: 'long', year: 'numeric', timeZone: 'UTC' },
  );
}

/** The first instant after a date, in ms (after its last day for `YYYY-MM`). */
export function endOfDate(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number?];
  return day === undefined ? Date.UTC(year, month, 1) : Date.UTC(year, month - 1, day + 1);
}

/** Today's date (UTC), the default release date. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
