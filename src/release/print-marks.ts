import type { Consultation } from '../schemas/release-manifest.ts';
import type { DocumentMetadata } from '../schemas/document-metadata.ts';
import { stageLabels, type ReleaseContext } from './context.ts';
import { endOfDate, formatReleaseDate, fullDate } from './release-date.ts';

/** The line every page of a draft carries: "Draft for public consultation, v0.9.0, not for citation as final". */
export function draftWatermark(version: string): string {
  return `Draft for public consultation, v${version}, not for citation as final`;
}

/** One fact on the cover of a released PDF. */
export interface CoverItem {
  label: string;
  text: string;
  /** A link to show after the text (or as the text, when equal to it). */
  href?: string;
}

/**
 * What the print page (`src/pages/[doc]/print/`) renders for a release build: found in
 * `document.extensions.releases.building`, present only while `srida release` or
 * `srida verify-release` builds that document.
 */
export interface ReleasePrintData {
  version: string;
  stage: ReleaseContext['stage'];
  stageLabel: string;
  date: string;
  /** "3 June 2026" or "October 2025": the cover's date. */
  dateText: string;
  /** Drafts: the text that must appear on every page (cover included). */
  watermark?: string;
  /** Page rules that put {@link watermark} in the footer of every page but the cover. */
  pageCss: string;
  /** Facts for the cover, in order: the draft line, the consultation window and how to respond; or "Cite as" and the DOI of a final. */
  cover: CoverItem[];
  /** A final with a DOI: how to cite it. */
  citeAs?: string;
}

/**
 * The consultation window in words: "Opened October 2025; closes 31 January 2026." and, once
 * its last day has passed at `now` (the build's "now"), "…; closed on 31 January 2026.".
 */
export function consultationWindow(
  consultation: Consultation,
  language = 'en',
  now?: Date,
): string {
  const opens = `Opened ${formatReleaseDate(consultation.opens, language)}`;
  const closed =
    consultation.closes !== undefined &&
    now !== undefined &&
    endOfDate(consultation.closes) <= now.getTime();
  const closes = consultation.closes
    ? `${closed ? (fullDate(consultation.closes) ? 'closed on' : 'closed at the end of') : 'closes'} ${formatReleaseDate(consultation.closes, language)}`
    : 'closing date not on record';
  return `${opens}; ${closes}.${consultation.note ? ` ${consultation.note}` : ''}`;
}

/** "SPECTRUM consortium (2026). Title (Version 1.0.0). https://doi.org/…" */
export function citeAs(
  metadata: Pick<DocumentMetadata, 'editors' | 'title'>,
  context: Pick<ReleaseContext, 'version' | 'date' | 'doi'>,
): string | undefined {
  if (!context.doi) return undefined;
  const authors = metadata.editors.map((editor) => editor.name).join(', ');
  return `${authors} (${context.date.slice(0, 4)}). ${metadata.title} (Version ${context.version}). https://doi.org/${context.doi}`;
}

/** Everything the print page needs to mark a release, from its context and the document's metadata. */
export function releasePrintData(
  context: ReleaseContext,
  metadata: Pick<DocumentMetadata, 'editors' | 'title' | 'language'>,
): ReleasePrintData {
  const cover: CoverItem[] = [];
  let watermark: string | undefined;
  if (context.stage === 'draft') {
    watermark = draftWatermark(context.version);
    cover.push({ label: 'Draft', text: watermark });
    if (context.consultation) {
      cover.push({
        label: 'Consultation',
        text: consultationWindow(context.consultation, metadata.language),
      });
      cover.push({
        label: 'How to respond',
        text: context.consultation.respond,
        href: context.consultation.url,
      });
    }
  }
  const cite = context.stage === 'final' ? citeAs(metadata, context) : undefined;
  if (cite) {
    cover.push({ label: 'Cite as', text: cite });
    cover.push({
      label: 'DOI',
      text: `https://doi.org/${context.doi}`,
      href: `https://doi.org/${context.doi}`,
    });
  }
  return {
    version: context.version,
    stage: context.stage,
    stageLabel: stageLabels[context.stage],
    date: context.date,
    dateText: formatReleaseDate(context.date, metadata.language),
    watermark,
    pageCss: watermark ? watermarkCss(watermark) : '',
    cover,
    citeAs: cite,
  };
}

/**
 * The draft line in the footer of every page, before the folio. `:left` and `:right` outrank
 * print.css's plain `@page` (every one-sided page is one of them), while the cover's and blank
 * pages' named page rules still outrank these, so the cover carries the line in its own text.
 */
function watermarkCss(text: string): string {
  const content = `content: ${cssString(`${text}  ·  `)} counter(page) " / " counter(pages) !important;`;
  const box = `@bottom-center { ${content} font: 400 7.5pt/1.2 'Source Sans 3', sans-serif !important; color: #8a4b00 !important; }`;
  return `@page :left { ${box} }\n@page :right { ${box} }`;
}

function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}
