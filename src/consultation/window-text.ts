/** One sentence on a consultation window, for the form and the index page. */
import { formatReleaseDate } from '../release/release-date.ts';
import type { ConsultationWindow } from './windows.ts';

/** "Comments are taken until 31 January 2026.", "… closed on …", "… open from …". */
export function windowText(window: ConsultationWindow, now: number): string {
  const opens = formatReleaseDate(window.opens);
  if (now < window.from) return `Comments are taken from ${opens}.`;
  if (now >= window.until) {
    if (window.closes) return `The consultation closed on ${formatReleaseDate(window.closes)}.`;
    return `The consultation closed when version ${window.closedBy} was published.`;
  }
  if (window.closes)
    return `Comments are taken until ${formatReleaseDate(window.closes)} (to the end of that ${window.closes.length === 7 ? 'month' : 'day'}, UTC).`;
  return `Comments are taken from ${opens}; no closing date has been set.`;
}
