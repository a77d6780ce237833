import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { SourceProblem } from './bib-types.ts';
import { formatDocument } from './format-document.ts';
import { checkXml, elements, type XmlElement } from './xml-check.ts';

const cslNamespace = 'http://purl.org/net/xbiblio/csl';

/** What the pipeline needs to know about a style. */
export interface StyleInfo {
  /** Name under which citation-js knows the style. */
  registered: string;
  /** `in-text` or `note`. */
  class: string;
  /** `author-date`, `numeric`, `author`, `label`, `note`. */
  format: string;
}

/** A style or locale file checked and registered, as plain (cacheable) data. */
export interface CheckedStyle {
  info?: StyleInfo;
  problems: SourceProblem[];
}

/** The styles citation-js ships (APA, Vancouver, Harvard). */
export const builtInStyles = ['apa', 'vancouver', 'harvard1'] as const;

const csl = () => plugins.config.get('@csl');

const builtIn = new Map<string, StyleInfo | undefined>();

/** Information about a built-in style, read from its XML (once). */
export function builtInStyle(name: string): StyleInfo | undefined {
  if (!(builtInStyles as readonly string[]).includes(name)) return undefined;
  if (!builtIn.has(name)) {
    const checked = checkXml(csl().styles.get(name));
    builtIn.set(name, checked.ok ? describe(checked.root, name) : undefined);
  }
  return builtIn.get(name);
}

/**
 * Check a CSL style file and register it with citation-js: well-formed XML, a `<style>` in the
 * CSL namespace with a `<citation>` layout, no dependent style (it would need its parent), every
 * `macro="…"` defined; then a trial run of the engine on a sample work, so that anything
 * citeproc rejects is found here and not in the middle of a build.
 *
 * @param xml the file's content.
 * @param registered the name to register it under (unique per content, e.g. with a hash).
 */
export function checkStyle(xml: string, registered: string): CheckedStyle {
  const problems: SourceProblem[] = [];
  const problem = (reason: string, place: XmlElement['place'], hint: string) => {
    problems.push({ severity: 'error', reason, place, ruleId: 'csl-style', hint });
    return { problems };
  };
  const checked = checkXml(xml);
  if (!checked.ok)
    return problem(
      `Style is not well-formed XML: ${checked.reason}`,
      checked.place,
      'Fix the XML; the style cannot be used until then.',
    );
  const { root } = checked;
  if (root.name !== 'style' || root.attributes.xmlns !== cslNamespace) {
    return problem(
      `Not a CSL style: the root element must be \`<style xmlns="${cslNamespace}">\``,
      root.place,
      'Download styles from https://github.com/citation-style-language/styles (`.csl` files).',
    );
  }
  const children = new Map(root.children.map((child) => [child.name, child]));
  const parentLink = [...elements(root)].find(
    (element) => element.name === 'link' && element.attributes.rel === 'independent-parent',
  );
  if (parentLink && !children.has('citation')) {
    return problem(
      'Dependent CSL styles are not supported',
      parentLink.place,
      `Use the parent style it names (${parentLink.attributes.href ?? 'see `<link rel="independent-parent">`'}) instead.`,
    );
  }
  const citation = children.get('citation');
  if (!citation?.children.some((child) => child.name === 'layout')) {
    return problem(
      'CSL style has no `<citation>` with a `<layout>`',
      citation?.place ?? root.place,
      'A style needs `<citation><layout>…</layout></citation>`.',
    );
  }
  const macros = new Set(
    root.children.filter((child) => child.name === 'macro').map((child) => child.attributes.name),
  );
  for (const element of elements(root)) {
    const macro = element.attributes.macro;
    if (macro !== undefined && element.name !== 'macro' && !macros.has(macro)) {
      return problem(
        `Style calls macro \`${macro}\`, which it does not define`,
        element.place,
        'Define `<macro name="…">` or fix the name.',
      );
    }
  }
  csl().styles.set(registered, xml);
  try {
    formatDocument({
      style: registered,
      locale: 'en-US',
      items: [sample],
      clusters: [{ mode: 'normal', items: [{ id: sample.id, locator: '3', label: 'page' }] }],
    });
  } catch (error) {
    csl().styles.remove(registered);
    return problem(
      `citeproc cannot use this style: ${error instanceof Error ? error.message : String(error)}`,
      root.place,
      'Check the style against the CSL 1.0.2 schema.',
    );
  }
  return { info: describe(root, registered), problems };
}

/**
 * Check a CSL locale file (`locales-xx-XX.xml`) and register it under its `xml:lang`; a trial
 * run of the engine finds a locale citeproc cannot use (an incomplete one, say).
 *
 * @param xml the file's content.
 */
export function checkLocale(xml: string): CheckedStyle & { lang?: string } {
  const checked = checkXml(xml);
  if (!checked.ok) {
    return {
      problems: [
        {
          severity: 'error',
          reason: `Locale is not well-formed XML: ${checked.reason}`,
          place: checked.place,
          ruleId: 'csl-locale',
          hint: 'Fix the XML; the locale cannot be used until then.',
        },
      ],
    };
  }
  const { root } = checked;
  const lang = root.attributes['xml:lang'];
  if (root.name !== 'locale' || root.attributes.xmlns !== cslNamespace || !lang) {
    return {
      problems: [
        {
          severity: 'error',
          reason: `Not a CSL locale: the root element must be \`<locale xmlns="${cslNamespace}" xml:lang="…">\``,
          place: root.place,
          ruleId: 'csl-locale',
          hint: 'Download locales from https://github.com/citation-style-language/locales.',
        },
      ],
    };
  }
  csl().locales.set(lang, xml);
  try {
    formatDocument({
      style: 'apa',
      locale: lang,
      items: [sample],
      clusters: [{ mode: 'normal', items: [{ id: sample.id, locator: '3', label: 'page' }] }],
    });
  } catch (error) {
    csl().locales.remove(lang);
    return {
      problems: [
        {
          severity: 'error',
          reason: `citeproc cannot use this locale: ${error instanceof Error ? error.message : String(error)}`,
          place: root.place,
          ruleId: 'csl-locale',
          hint: 'Use a complete locale file from https://github.com/citation-style-language/locales.',
        },
      ],
    };
  }
  return { problems: [], lang };
}

/** Register a style with citation-js unless it already has it. */
export function registerStyle(name: string, xml: string): void {
  if (csl().styles.get(name) !== xml) csl().styles.set(name, xml);
}

/** Register a locale with citation-js unless it already has it. */
export function registerLocale(lang: string, xml: string): void {
  if (csl().locales.get(lang) !== xml) csl().locales.set(lang, xml);
}

/**
 * The locale to use for a document: its `locale` (or `language`) if known, else one of the same
 * language (`en` → `en-US`, `de-AT` → `de-DE`), else `en-US`.
 *
 * @param wanted a BCP 47 tag.
 * @returns the locale and whether the wanted language was found at all.
 */
export function resolveLocale(wanted: string | undefined): { locale: string; found: boolean } {
  const known = csl().locales.list();
  if (!wanted) return { locale: 'en-US', found: true };
  const exact = known.find((locale) => locale.toLowerCase() === wanted.toLowerCase());
  if (exact) return { locale: exact, found: true };
  const language = wanted.split('-')[0]!.toLowerCase();
  const preferred = `${language}-${language === 'en' ? 'US' : language.toUpperCase()}`;
  const sameLanguage =
    known.find((locale) => locale === preferred) ??
    known.find((locale) => locale.split('-')[0]!.toLowerCase() === language);
  return sameLanguage ? { locale: sameLanguage, found: true } : { locale: 'en-US', found: false };
}

/** What a style is: its class and citation format, from its XML. */
function describe(root: XmlElement, registered: string): StyleInfo {
  const all = [...elements(root)];
  const category = all.find(
    (element) => element.name === 'category' && element.attributes['citation-format'],
  );
  return {
    registered,
    class: root.attributes.class ?? 'in-text',
    format: category?.attributes['citation-format'] ?? 'author-date',
  };
}

/** The work a style is tried on. */
const sample = {
  id: 'srida-style-check',
  type: 'article-journal',
  title: 'A sample article',
  author: [
    { family: 'Doe', given: 'Jane' },
    { family: 'Roe', given: 'Richard' },
    { family: 'Moe', given: 'Mary' },
  ],
  'container-title': 'Journal of Samples',
  issued: { 'date-parts': [[2020]] },
  volume: '1',
  page: '1-10',
  DOI: '10.1234/sample',
};
