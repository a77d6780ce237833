import type { ReleaseContext } from './context.ts';
import { ReleaseRefusal } from './errors.ts';
import { normalise, pageTexts } from './pdf-text.ts';
import { draftWatermark } from './print-marks.ts';

/**
 * Check a printed release before it is kept: every page of a draft carries the draft line, and
 * no page of a final carries one. A draft must never ship unmarked, so a
 * print page that does not render `document.extensions.releases.building` stops the release.
 */
export async function checkMarks(
  pdf: string,
  context: Pick<ReleaseContext, 'stage' | 'version'>,
): Promise<void> {
  const pages = (await pageTexts(pdf)).map(normalise);
  if (context.stage === 'draft') {
    const mark = draftWatermark(context.version);
    const missing = pages.flatMap((text, index) => (text.includes(mark) ? [] : [index + 1]));
    if (missing.length > 0) {
      throw new ReleaseRefusal(
        `The draft's PDF lacks "${mark}" on ${missing.length} of ${pages.length} pages (${summarisePages(missing)})`,
        'The print page must render the release marks of `document.extensions.releases.building` (see docs/releases.md: "What the print page renders"). Nothing was written.',
      );
    }
  } else {
    const marked = pages.flatMap((text, index) =>
      /Draft for public consultation, v\S+, not for citation as final/.test(text)
        ? [index + 1]
        : [],
    );
    if (marked.length > 0) {
      throw new ReleaseRefusal(
        `The final's PDF carries the draft line on pages ${summarisePages(marked)}`,
        'A final must not carry draft marks; check the print page. Nothing was written.',
      );
    }
  }
}

function summarisePages(pages: number[]): string {
  const shown = pages.slice(0, 12).join(', ');
  return pages.length > 12 ? `${shown}, …` : shown;
}
