import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { stringify } from 'yaml';
import type { DocumentMetadata } from '../schemas/document-metadata.ts';
import type { ProjectMetadata } from '../schemas/project-metadata.ts';
import type { ReleaseStage } from '../schemas/release-manifest.ts';
import { draftWatermark } from './print-marks.ts';
import { fullDate } from './release-date.ts';

export interface CitationInput {
  metadata: DocumentMetadata;
  /** `project.yaml`: publisher and funding statement, when the project names them. */
  project: ProjectMetadata;
  version: string;
  stage: ReleaseStage;
  date: string;
  doi?: string;
  /** The released PDF's file name. */
  pdfFile: string;
  /** Public address of the document's releases page, when the site's address is known. */
  url?: string;
}

/** ISO 639-3 codes Zenodo expects, for the languages the documents may be in. */
const iso639_3: Record<string, string> = {
  en: 'eng',
  fr: 'fra',
  de: 'deu',
  it: 'ita',
  es: 'spa',
  nl: 'nld',
  pt: 'por',
  pl: 'pol',
};

/** Markdown emphasis and line breaks off an abstract. */
function plain(text: string): string {
  return text
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Editors as CFF/Zenodo authors. An editor with an ORCID iD is a person, split at the last space
 * into given and family names; any other editor (e.g. "SPECTRUM consortium") is an entity, since
 * splitting a group's name would be wrong.
 */
function authors(metadata: DocumentMetadata) {
  return metadata.editors.map((editor) => {
    if (!editor.orcid)
      return {
        name: editor.name,
        ...(editor.affiliation ? { affiliation: editor.affiliation } : {}),
      };
    const cut = editor.name.lastIndexOf(' ');
    return {
      'given-names': cut > 0 ? editor.name.slice(0, cut) : editor.name,
      'family-names': cut > 0 ? editor.name.slice(cut + 1) : editor.name,
      ...(editor.affiliation ? { affiliation: editor.affiliation } : {}),
      orcid: `https://orcid.org/${editor.orcid}`,
    };
  });
}

/**
 * `CITATION.cff` (Citation File Format 1.2.0) of a release. `date-released` needs a day, so a
 * release dated by month only gives its year and month in `preferred-citation` instead.
 */
export function citationCff(input: CitationInput): string {
  const { metadata, version, stage, date, doi, url } = input;
  const day = fullDate(date);
  const people = authors(metadata);
  const title = metadata.subtitle ? `${metadata.title}: ${metadata.subtitle}` : metadata.title;
  const cff: Record<string, unknown> = {
    'cff-version': '1.2.0',
    message:
      stage === 'draft'
        ? `${draftWatermark(version)}. Cite the final version when there is one.`
        : 'If you use this document, please cite it as below.',
    title,
    version,
    ...(day ? { 'date-released': day } : {}),
    ...(doi ? { doi } : {}),
    ...(url ? { url } : {}),
    authors: people,
    abstract: plain(metadata.abstract),
    keywords: metadata.keywords.length > 0 ? metadata.keywords : undefined,
    license: metadata.licence,
    'preferred-citation': {
      type: 'report',
      title,
      authors: people,
      year: Number(date.slice(0, 4)),
      month: Number(date.slice(5, 7)),
      ...(doi ? { doi } : {}),
      ...(url ? { url } : {}),
      ...(input.project.publisher ? { institution: { name: input.project.publisher } } : {}),
      notes: stage === 'draft' ? `${draftWatermark(version)}.` : `Final version ${version}.`,
    },
  };
  return `# CITATION.cff of ${input.pdfFile}, written by \`srida release\`.\n${stringify(JSON.parse(JSON.stringify(cff)), { lineWidth: 0 })}`;
}

/**
 * `.zenodo.json`: deposit metadata in the format Zenodo's GitHub integration and REST API read.
 * `publication_date` is left out for a month-only date (Zenodo needs a day; it then uses the
 * upload date), as is `doi` when none was reserved.
 */
export function zenodoJson(input: CitationInput): string {
  const { metadata, version, stage, date, doi } = input;
  const day = fullDate(date);
  const creators = metadata.editors.map((editor) => ({
    name: editor.orcid ? nameLastFirst(editor.name) : editor.name,
    ...(editor.affiliation ? { affiliation: editor.affiliation } : {}),
    ...(editor.orcid ? { orcid: editor.orcid } : {}),
  }));
  const zenodo: Record<string, unknown> = {
    title: metadata.subtitle ? `${metadata.title}: ${metadata.subtitle}` : metadata.title,
    upload_type: 'publication',
    publication_type: 'report',
    description: toHtml(h('p', plain(metadata.abstract))),
    creators,
    version,
    ...(day ? { publication_date: day } : {}),
    ...(doi ? { doi } : {}),
    access_right: 'open',
    license: metadata.licence.toLowerCase(),
    keywords: metadata.keywords,
    ...(iso639_3[metadata.language.slice(0, 2)]
      ? { language: iso639_3[metadata.language.slice(0, 2)] }
      : {}),
    notes:
      [stage === 'draft' ? `${draftWatermark(version)}.` : '', input.project.funding ?? '']
        .filter(Boolean)
        .join(' ') || undefined,
  };
  return `${JSON.stringify(zenodo, null, 2)}\n`;
}

function nameLastFirst(name: string): string {
  const cut = name.lastIndexOf(' ');
  return cut > 0 ? `${name.slice(cut + 1)}, ${name.slice(0, cut)}` : name;
}
