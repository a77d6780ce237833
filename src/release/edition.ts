/**
 * What a build of a document is: a release (only while `srida release`/`verify-release` builds
 * it) or a working draft (every other build). The site, the print edition, the PDF's metadata
 * and its file name all read this one value, so no working build can claim a release's version
 * (docs/releases.md, "Working drafts").
 */
import { stageLabels, type ReleaseContext } from './context.ts';
import { formatReleaseDate, today } from './release-date.ts';
import type { SourceState } from './source-state.ts';

/** A release a working draft points to: the newest one, and the newest final. */
export interface ReleaseRef {
  version: string;
  stage: ReleaseContext['stage'];
  date: string;
  doi?: string;
}

/** What "cite this document" cites. */
export interface EditionCitation {
  version: string;
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  date: string;
  doi?: string;
  /** One sentence on what is cited, when it is not the text shown. */
  note?: string;
}

/** The identity of one build of a document. */
export interface Edition {
  kind: 'release' | 'working';
  /** `1.0.0` for a release; `1.0.0+dev.abc1234` (SemVer build metadata) for a working draft. */
  version: string;
  /** Class of the status badge: a release's document status, or `working`. */
  status: 'consultation' | 'final' | 'working';
  /** "Final", "Draft for public consultation", "Working draft". */
  statusLabel: string;
  /** The release date, or the build date of a working draft (`YYYY-MM-DD` or `YYYY-MM`). */
  date: string;
  /** "3 June 2026". */
  dateText: string;
  /** One sentence: "Working draft after 1.0.0, built from commit abc1234 on 2 December 2026". */
  label: string;
  /** Name of the PDF under `/pdf/`. */
  fileName: string;
  /** The release a working draft follows (newest first), if any. */
  after?: string;
  cite: EditionCitation;
}

/** Base of every working draft's version before a document's first release. */
export const unreleasedBase = '0.0.0';

/** Length of the abbreviated commit id in versions, labels and file names. */
const shortCommit = 7;

/** The edition of a release build. */
export function releaseEdition(
  context: ReleaseContext,
  options: { prefix: string; language?: string },
): Edition {
  const dateText = formatReleaseDate(context.date, options.language);
  const stageLabel = stageLabels[context.stage];
  return {
    kind: 'release',
    version: context.version,
    status: context.stage === 'draft' ? 'consultation' : 'final',
    statusLabel: stageLabel,
    date: context.date,
    dateText,
    label: `Release ${context.version}, ${stageLabel.toLowerCase()}, ${dateText}`,
    fileName: releasePdfName(options.prefix, context.document, context.version),
    cite: { version: context.version, date: context.date, doi: context.doi },
  };
}

/**
 * The edition of a build that is not a release: `<latest release>+dev.<commit>[.dirty]`
 * (`0.0.0+…` before the first release). Build metadata keeps the version's precedence equal to
 * the release it follows, so nothing can sort it above a real release; the file name says
 * "working-draft". "Cite this" points at the newest final release, else the newest release,
 * and only when there is none at the draft itself.
 */
export function workingEdition(input: {
  documentId: string;
  prefix: string;
  source: SourceState;
  now: Date;
  language?: string;
  latest?: ReleaseRef;
  latestFinal?: ReleaseRef;
}): Edition {
  const { source, latest } = input;
  const base = latest?.version ?? unreleasedBase;
  const commit = source.commit?.slice(0, shortCommit);
  const build = ['dev', ...(commit ? [commit] : []), ...(source.dirty ? ['dirty'] : [])];
  const version = `${base}+${build.join('.')}`;
  const date = today(input.now);
  const dateText = formatReleaseDate(date, input.language);
  const after = latest ? `Working draft after ${latest.version}` : 'Working draft (no release yet)';
  const from = commit
    ? `built from commit ${commit}${source.dirty ? ' with uncommitted changes' : ''}`
    : 'built from files outside git';
  const cited = input.latestFinal ?? latest;
  const cite: EditionCitation = cited
    ? {
        version: cited.version,
        date: cited.date,
        doi: cited.doi,
        note: `The text shown is a working draft; this cites the latest ${cited.stage === 'final' ? 'final ' : ''}release, ${cited.version} (${formatReleaseDate(cited.date, input.language)}).`,
      }
    : {
        version,
        date,
        note: `There is no release yet: this cites the working draft as built on ${dateText}.`,
      };
  return {
    kind: 'working',
    version,
    status: 'working',
    statusLabel: 'Working draft',
    date,
    dateText,
    label: `${after}, ${from} on ${dateText}`,
    fileName: `${input.prefix}${input.documentId}-${version}-working-draft.pdf`,
    after: latest?.version,
    cite,
  };
}

/** The site's PDF of a release build: `spectrum-srida-v1.0.0.pdf`. */
export function releasePdfName(prefix: string, documentId: string, version: string): string {
  return `${prefix}${documentId}-v${version}.pdf`;
}
