import type { DocumentMetadata } from '../schemas/document-metadata.ts';
import type { CslItem } from './bib-types.ts';
import { formatDocument } from './format-document.ts';
import { htmlToText } from './html-to-hast.ts';
import { resolveLocale } from './styles.ts';

/** How to cite one document, in every format the landing page offers. */
export interface DocumentCitation {
  /** Citation key used in the BibTeX and CSL-JSON (`spectrum2026srida`, `2026alpha`). */
  key: string;
  bibtex: string;
  /** The CSL-JSON item, and the same as pretty-printed JSON (an array of one item). */
  csl: CslItem;
  cslJson: string;
  ris: string;
  /** The reference formatted in APA: plain text, and HTML (`<div class="csl-entry">…`). */
  text: string;
  html: string;
}

export interface CiteThisOptions {
  /** The document's address on the site (absolute). */
  url: string;
  /** Publisher (`project.yaml`'s `publisher`); left out when not given. */
  publisher?: string;
  /** Start of the citation key (`project.yaml`'s `name`, e.g. `SPECTRUM` → `spectrum2026srida`). */
  keyPrefix?: string;
  /** Date the reader accessed it (`YYYY-MM-DD`); left out by default. */
  accessed?: string;
  /**
   * The edition cited, when it is not the metadata's own: a working build cites the latest
   * release (`Edition.cite`). `date` is `YYYY-MM-DD` or `YYYY-MM`.
   */
  edition?: { version: string; date: string; doi?: string };
}

/** Words that mark an editor as a group, not a person. */
const groupWords =
  /\b(project|consortium|community|group|team|committee|board|council|office|network|practice|initiative|centre|center|university|institute|agency|commission|partners?|members?)\b/i;

/**
 * "Cite this document": BibTeX, CSL-JSON, RIS and an APA reference for a document, built from
 * its metadata (title and subtitle, editors, date, version, URL, language, keywords). Editors
 * with an ORCID, or named like people ("Jane Doe"), are people; others ("SPECTRUM consortium")
 * are groups, kept whole.
 *
 * @param metadata the document's `document.yaml`.
 * @param options where it is published.
 */
export function citeThisDocument(
  metadata: DocumentMetadata,
  options: CiteThisOptions,
): DocumentCitation {
  const version = options.edition?.version ?? metadata.version;
  const date = options.edition?.date ?? metadata.date;
  const doi = options.edition?.doi;
  const dateParts = date.split('-').map(Number);
  const [year, month] = dateParts as [number, number];
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const key = `${slug(options.keyPrefix ?? '')}${year}${slug(metadata.shortTitle)}`;
  const title = metadata.subtitle ? `${metadata.title}: ${metadata.subtitle}` : metadata.title;
  const { publisher } = options;
  const editors = metadata.editors.map((editor) => person(editor.name, Boolean(editor.orcid)));
  const abstract = plain(metadata.abstract);
  const csl: CslItem = {
    id: key,
    type: 'report',
    title,
    editor: editors.map((editor) =>
      editor.literal ? { literal: editor.literal } : { family: editor.family, given: editor.given },
    ),
    issued: { 'date-parts': [dateParts] },
    version,
    ...(publisher ? { publisher } : {}),
    URL: options.url,
    language: metadata.language,
    abstract,
  };
  if (doi) csl.DOI = doi;
  if (metadata.keywords.length) csl.keyword = metadata.keywords.join(', ');
  if (options.accessed) csl.accessed = { 'date-parts': [options.accessed.split('-').map(Number)] };

  const bibtexFields: [string, string][] = [
    ['title', `{${bibtexEscape(title)}}`],
    [
      'editor',
      editors
        .map((editor) =>
          editor.literal
            ? `{${bibtexEscape(editor.literal)}}`
            : `${bibtexEscape(editor.family!)}, ${bibtexEscape(editor.given!)}`,
        )
        .join(' and '),
    ],
    ...(publisher ? [['institution', bibtexEscape(publisher)] as [string, string]] : []),
    ['year', String(year)],
    ['month', String(month)],
    ['date', date],
    ['version', bibtexEscape(version)],
    ...(doi ? [['doi', doi] as [string, string]] : []),
    ['url', options.url],
    ['langid', metadata.language],
  ];
  if (metadata.keywords.length)
    bibtexFields.push(['keywords', bibtexEscape(metadata.keywords.join(', '))]);
  if (options.accessed) bibtexFields.push(['urldate', options.accessed]);
  const bibtex = `@techreport{${key},\n${bibtexFields.map(([field, value]) => `  ${field.padEnd(11)} = {${value}}`).join(',\n')}\n}\n`;

  const ris = [
    ['TY', 'RPRT'],
    ['TI', title],
    ...editors.map((editor): [string, string] => [
      'ED',
      editor.literal ?? `${editor.family}, ${editor.given}`,
    ]),
    ['PY', String(year)],
    ['DA', date.replaceAll('-', '/')],
    ...(publisher ? [['PB', publisher] as [string, string]] : []),
    ['ET', version],
    ...(doi ? [['DO', doi] as [string, string]] : []),
    ['UR', options.url],
    ['LA', metadata.language],
    ['AB', abstract],
    ...metadata.keywords.map((keyword): [string, string] => ['KW', keyword]),
    ...(options.accessed
      ? [['Y2', options.accessed.replaceAll('-', '/')] as [string, string]]
      : []),
    ['ER', ''],
  ]
    .map(([tag, value]) => `${tag}  - ${value}`.trimEnd())
    .join('\n');

  const { locale } = resolveLocale(metadata.locale ?? metadata.language);
  const formatted = formatDocument({
    style: 'apa',
    locale,
    items: [csl],
    clusters: [{ mode: 'normal', items: [{ id: key }] }],
  });
  const html = formatted.bibliography[0]?.html ?? '';
  return {
    key,
    bibtex,
    csl,
    cslJson: `${JSON.stringify([csl], null, 2)}\n`,
    ris: `${ris}\n`,
    text: htmlToText(html).trim(),
    html,
  };
}

/** A person ("Jane Doe" → Doe, Jane) or a group kept whole. */
function person(
  name: string,
  hasOrcid: boolean,
): { family?: string; given?: string; literal?: string } {
  const words = name.trim().split(/\s+/);
  const looksLikePerson =
    words.length >= 2 &&
    words.length <= 4 &&
    !groupWords.test(name) &&
    words.every((word) =>
      /^[\p{Lu}][\p{L}'.-]*$|^(van|von|de|der|den|da|di|du|la|le)$/u.test(word),
    );
  if (!hasOrcid && !looksLikePerson) return { literal: name };
  const particle = words.findIndex(
    (word, index) => index > 0 && /^(van|von|de|der|den|da|di|du|la|le)$/.test(word),
  );
  const split = particle > 0 ? particle : words.length - 1;
  return { family: words.slice(split).join(' '), given: words.slice(0, split).join(' ') };
}

/** Markdown inline syntax out: the abstract as plain text. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escape BibTeX's special characters in a field value. */
function bibtexEscape(value: string): string {
  return value.replace(/[\\{}&%$#_~^]/g, (char) =>
    char === '\\'
      ? '\\textbackslash{}'
      : char === '~'
        ? '\\textasciitilde{}'
        : char === '^'
          ? '\\textasciicircum{}'
          : `\\${char}`,
  );
}
