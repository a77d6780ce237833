import { dataKey, dataOf, type WithExtensionData } from '../assemble/data-key.ts';
import type { DocumentMetadata } from '../schemas/document-metadata.ts';
import type { ReleaseEntry, ReleaseManifest, ReleasedFile } from '../schemas/release-manifest.ts';
import { stageLabels, type ReleaseContext } from './context.ts';
import {
  citationName,
  publicName,
  releaseFileHref,
  releaseNotesName,
  releasesPageHref,
  zenodoName,
} from './paths.ts';
import {
  citeAs,
  consultationWindow,
  releasePrintData,
  type ReleasePrintData,
} from './print-marks.ts';
import { formatReleaseDate } from './release-date.ts';
import { releaseEdition, workingEdition, type Edition, type ReleaseRef } from './edition.ts';
import type { SourceState } from './source-state.ts';

/** A released file as the site offers it. */
export interface SiteReleaseFile {
  /** Name on disk, in `releases/<document>/<version>/`. */
  file: string;
  /** Name of the download. */
  name: string;
  href: string;
  /** What it is: "PDF", "Release notes", "CITATION.cff", "Zenodo metadata". */
  label: string;
  sha256: string;
  bytes: number;
  /** "1.2 MB". */
  size: string;
}

/** One release as the releases pages show it. */
export interface SiteRelease {
  version: string;
  stage: ReleaseEntry['stage'];
  stageLabel: string;
  date: string;
  dateText: string;
  tag: string;
  pdf: SiteReleaseFile & { pages: number };
  files: SiteReleaseFile[];
  consultation?: { window: string; respond: string; url?: string };
  doi?: string;
  citeAs?: string;
  forced?: string;
  /** For a draft: the newest final, which replaces it. */
  supersededBy?: { version: string; dateText: string; href: string; pdfHref: string };
  /** False when a file did not match its checksum when the site was built: not offered for download. */
  verified: boolean;
}

/** What the release extension hands the site for each document (read with {@link releasesOf}). */
export interface ReleasesData {
  document: string;
  /** `/<document>/releases/` */
  pageHref: string;
  /** Newest first. */
  releases: SiteRelease[];
  latest?: SiteRelease;
  latestFinal?: SiteRelease;
  /** Only while `srida release`/`verify-release` builds this document: what the print page marks. */
  building?: ReleasePrintData;
  /** What this build of the document is: the release being built, or a working draft. */
  edition: Edition;
}

const fileLabels: Record<string, string> = {
  [releaseNotesName]: 'Release notes',
  [citationName]: 'CITATION.cff',
  [zenodoName]: 'Zenodo metadata',
  // src/anchors/record.ts (not imported: the record is the anchors stage's, the label the site's).
  'anchors.json': 'Anchor record',
};

/** "1.2 MB", "845 kB", "512 bytes" (SI units, as browsers show downloads). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function siteFile(
  documentId: string,
  version: string,
  record: ReleasedFile,
  label: string,
): SiteReleaseFile {
  return {
    file: record.file,
    name: publicName(record.file),
    href: releaseFileHref(documentId, version, record.file),
    label,
    sha256: record.sha256,
    bytes: record.bytes,
    size: formatBytes(record.bytes),
  };
}

/**
 * The site's view of a document's releases: newest first, drafts pointing at the newest final
 * that came after them, and (in a release build) the marks the print page sets.
 */
export function toReleasesData(input: {
  documentId: string;
  metadata: DocumentMetadata;
  manifest?: ReleaseManifest;
  /** Versions whose files failed their checksum. */
  unverified?: ReadonlySet<string>;
  building?: ReleaseContext;
  /** The commit the build is made from (read once per assembly). */
  source?: SourceState;
  /** "Now" of the build: the working draft's date. */
  now?: Date;
  /** Start of the PDF's file name (`project.yaml`'s `filePrefix`). */
  filePrefix?: string;
}): ReleasesData {
  const pdfPrefix = input.filePrefix ?? '';
  const { documentId, metadata } = input;
  const entries = input.manifest?.releases ?? [];
  const site = entries.map((entry): SiteRelease => ({
    version: entry.version,
    stage: entry.stage,
    stageLabel: stageLabels[entry.stage],
    date: entry.date,
    dateText: formatReleaseDate(entry.date, metadata.language),
    tag: entry.tag,
    pdf: { ...siteFile(documentId, entry.version, entry.pdf, 'PDF'), pages: entry.pdf.pages },
    files: entry.files.map((record) =>
      siteFile(documentId, entry.version, record, fileLabels[record.file] ?? record.file),
    ),
    consultation: entry.consultation
      ? {
          window: consultationWindow(entry.consultation, metadata.language, input.now),
          respond: entry.consultation.respond,
          url: entry.consultation.url,
        }
      : undefined,
    doi: entry.doi,
    citeAs: entry.stage === 'final' ? citeAs(metadata, entry) : undefined,
    forced: entry.forced,
    verified: !input.unverified?.has(entry.version),
  }));
  for (const [index, release] of site.entries()) {
    if (release.stage !== 'draft') continue;
    const final = site
      .slice(index + 1)
      .filter((later) => later.stage === 'final')
      .at(-1);
    if (final)
      release.supersededBy = {
        version: final.version,
        dateText: final.dateText,
        href: `${releasesPageHref(documentId)}#v${final.version}`,
        pdfHref: final.pdf.href,
      };
  }
  const newestFirst = site.reverse();
  const building =
    input.building?.document === documentId
      ? releasePrintData(input.building, metadata)
      : undefined;
  const latest = newestFirst[0];
  const latestFinal = newestFirst.find((release) => release.stage === 'final');
  const edition =
    input.building?.document === documentId
      ? releaseEdition(input.building, { prefix: pdfPrefix, language: metadata.language })
      : workingEdition({
          documentId,
          prefix: pdfPrefix,
          source: input.source ?? { dirty: false },
          now: input.now ?? new Date(`${metadata.date}T00:00:00Z`),
          language: metadata.language,
          latest: latest && refOf(latest),
          latestFinal: latestFinal && refOf(latestFinal),
        });
  return {
    document: documentId,
    pageHref: releasesPageHref(documentId),
    releases: newestFirst,
    latest,
    latestFinal,
    building,
    edition,
  };
}

function refOf(release: SiteRelease): ReleaseRef {
  return { version: release.version, stage: release.stage, date: release.date, doi: release.doi };
}

/** Key of what the releases extension hands the site for each document. */
export const releasesKey = dataKey<ReleasesData>('releases');

/** The releases data of a site document (empty when the extension did not run). */
export function releasesOf(
  document: { id: string; metadata: DocumentMetadata } & WithExtensionData,
): ReleasesData {
  return (
    dataOf(document, releasesKey) ??
    toReleasesData({ documentId: document.id, metadata: document.metadata })
  );
}
