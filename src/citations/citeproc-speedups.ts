/**
 * Faster stand-ins for citeproc-js helpers that dominate its profile, each computing
 * exactly what the original computes (the output stays byte-identical):
 *
 * - `CSL.toLocaleLowerCase`/`toLocaleUpperCase` call `String.prototype.toLocale…Case(langs)`,
 *   which V8 runs through ICU with a fresh locale lookup on every call. Only Turkish, Azeri,
 *   Lithuanian (and, for upper case, Greek) have language-specific case mappings; for every
 *   other locale the result equals `toLowerCase()`/`toUpperCase()` (V8 itself takes that path
 *   for them), so that is used unless the requested locale is one of those.
 * - `CSL.getSortCompare` compares sort keys with `a.localeCompare(b, locale, options)`, which
 *   builds a collator per call; ECMA-402 defines it as `new Intl.Collator(locale,
 *   options).compare(a, b)`, so one collator per locale is built and reused.
 * - The HTML format's `text_escape` runs five `replace` passes over every piece of output;
 *   text with nothing to replace (no `&`, `<`, `>`, two whitespace characters in a row or a
 *   superscript character) comes back unchanged without them.
 * - Building an engine looks up each macro call by walking the whole style tree
 *   (`getNodesByName(style, 'macro', name)`); the macros are indexed once per tree instead,
 *   in the order the walk finds them. Nothing adds macros to a style tree after it is parsed.
 *
 * Installed once per citeproc module instance (the one citation-js loads), and only when that
 * citeproc is a version they were checked against ({@link verifiedCiteprocVersions}; package.json
 * pins it with `overrides`): they replace internals, so another version gets the originals.
 * `tests/citations/speedups.test.ts` formats the fixtures and a generated corpus with and
 * without them and compares the output byte for byte. `SRIDA_CITEPROC_SPEEDUPS=0` leaves them
 * out (that test's baseline).
 */
import { createRequire } from 'node:module';

interface CslState {
  tmp: { lang_array: string[] };
}

interface Csl {
  toLocaleUpperCase(this: CslState, value: string): string;
  toLocaleLowerCase(this: CslState, value: string): string;
  getSortCompare(this: CslState, locale?: string): (a: string, b: string) => number;
  stringCompare?: (a: string, b: string) => number;
  sridaSpeedups?: boolean;
  SUPERSCRIPTS_REGEXP?: RegExp;
  Output?: { Formats?: { html?: { text_escape?: (text: unknown) => unknown } } };
  XmlJSON?: { prototype: { getNodesByName?: GetNodesByName } };
}

/** A node of citeproc's JSON form of a CSL file. */
interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: (XmlNode | string)[];
}

type GetNodesByName = (
  this: unknown,
  node: XmlNode,
  name: string,
  nameAttribute?: string,
  found?: XmlNode[],
) => XmlNode[];

/**
 * Languages with their own case mappings (Unicode SpecialCasing.txt: Turkish, Azeri,
 * Lithuanian; and Greek, whose upper case ICU treats specially).
 */
const specialCasing = new Set(['tr', 'az', 'lt', 'el']);

/** citeproc versions (npm) the stand-ins were compared against, byte for byte. */
export const verifiedCiteprocVersions: readonly string[] = ['2.4.63'];

/** What {@link installCiteprocSpeedups} did. */
export type SpeedupsState =
  /** Installed (now or before). */
  | 'installed'
  /** `SRIDA_CITEPROC_SPEEDUPS=0`. */
  | 'disabled'
  /** citeproc is a version they were not checked against: the originals stay. */
  | 'unverified'
  /** citeproc could not be loaded, or lacks the functions they replace. */
  | 'unavailable';

let state: SpeedupsState | undefined;

/** Install the stand-ins into the citeproc that `@citation-js/plugin-csl` uses. */
export function installCiteprocSpeedups(
  env: Record<string, string | undefined> = process.env,
): SpeedupsState {
  if (state) return state;
  state = install(env);
  return state;
}

function install(env: Record<string, string | undefined>): SpeedupsState {
  if (/^(0|false|off|no)$/i.test(env.SRIDA_CITEPROC_SPEEDUPS ?? '')) return 'disabled';
  let CSL: Csl;
  let version: string;
  try {
    const fromPlugin = createRequire(
      createRequire(import.meta.url).resolve('@citation-js/plugin-csl'),
    );
    CSL = fromPlugin('citeproc') as Csl;
    version = (fromPlugin('citeproc/package.json') as { version: string }).version;
  } catch {
    return 'unavailable';
  }
  if (!verifiedCiteprocVersions.includes(version)) return 'unverified';
  if (CSL?.sridaSpeedups) return 'installed';
  if (
    !CSL ||
    typeof CSL.toLocaleLowerCase !== 'function' ||
    typeof CSL.toLocaleUpperCase !== 'function' ||
    typeof CSL.getSortCompare !== 'function'
  )
    return 'unavailable';
  CSL.sridaSpeedups = true;

  const originalLower = CSL.toLocaleLowerCase;
  const originalUpper = CSL.toLocaleUpperCase;
  // Whether a language list (citeproc's `tmp.lang_array`) asks for plain lower-casing: as
  // `toLocaleLowerCase` decides, from the first locale of the list (the host's default locale
  // when the list is empty); an invalid list makes the original fall back to `toLowerCase()`.
  const plain = new Map<string, boolean>();
  const isPlain = (langs: readonly string[]): boolean => {
    const key = langs.join('\u0000');
    let result = plain.get(key);
    if (result === undefined) {
      try {
        const locale = langs.length
          ? Intl.getCanonicalLocales(langs as string[])[0]!
          : new Intl.Collator().resolvedOptions().locale;
        result = !specialCasing.has(new Intl.Locale(locale).language);
      } catch {
        result = true;
      }
      plain.set(key, result);
    }
    return result;
  };
  CSL.toLocaleLowerCase = function (this: CslState, value: string): string {
    const langs = this.tmp.lang_array;
    if (Array.isArray(langs) && langs.every((lang) => typeof lang === 'string') && isPlain(langs))
      return value.toLowerCase();
    return originalLower.call(this, value);
  };
  CSL.toLocaleUpperCase = function (this: CslState, value: string): string {
    const langs = this.tmp.lang_array;
    if (Array.isArray(langs) && langs.every((lang) => typeof lang === 'string') && isPlain(langs))
      return value.toUpperCase();
    return originalUpper.call(this, value);
  };

  speedUpTextEscape(CSL);
  speedUpMacroLookup(CSL);

  const originalCompare = CSL.getSortCompare;
  const options: Intl.CollatorOptions = {
    sensitivity: 'base',
    ignorePunctuation: true,
    numeric: true,
  };
  const collators = new Map<string, Intl.Collator>();
  CSL.getSortCompare = function (this: CslState, defaultLocale?: string) {
    if (CSL.stringCompare) return originalCompare.call(this, defaultLocale);
    const locale = defaultLocale || 'en-US';
    let collator = collators.get(locale);
    if (!collator) {
      try {
        collator = new Intl.Collator(locale, options);
      } catch {
        // An invalid locale: let the original throw where it would.
        return originalCompare.call(this, defaultLocale);
      }
      collators.set(locale, collator);
    }
    const lower = (value: string) => CSL.toLocaleLowerCase.call(this, value);
    const strcmp = (a: string, b: string) => collator.compare(lower(a), lower(b));
    const stripPunct = (value: string) => value.replace(/^[[\]'"]*/g, '');
    // As the original: drop leading brackets and quotes unless the collator already ignores them.
    if (!strcmp('[x', 'x')) return strcmp;
    return (a: string, b: string) => strcmp(stripPunct(a), stripPunct(b));
  };
  return 'installed';
}

/** `text_escape` of the HTML format, skipping its replace passes when none would match. */
function speedUpTextEscape(CSL: Csl): void {
  const html = CSL.Output?.Formats?.html;
  const original = html?.text_escape;
  if (!html || typeof original !== 'function' || !(CSL.SUPERSCRIPTS_REGEXP instanceof RegExp))
    return;
  const needsWork = new RegExp(`[&<>]|\\s\\s|${CSL.SUPERSCRIPTS_REGEXP.source}`);
  html.text_escape = (text: unknown) => {
    if (typeof text === 'string' && !needsWork.test(text)) return text;
    return original(text);
  };
}

/** Macro look-ups while building an engine, from an index of each style tree's macros. */
function speedUpMacroLookup(CSL: Csl): void {
  const prototype = CSL.XmlJSON?.prototype;
  const original = prototype?.getNodesByName;
  if (!prototype || typeof original !== 'function') return;
  const indexes = new WeakMap<
    XmlNode,
    { children: unknown[]; length: number; byName: Map<string, XmlNode[]> }
  >();
  const collect = (node: XmlNode, byName: Map<string, XmlNode[]>) => {
    if (!node || !node.children) return;
    if (node.name === 'macro') {
      const name = node.attrs?.name;
      if (typeof name === 'string') {
        const list = byName.get(name);
        if (list) list.push(node);
        else byName.set(name, [node]);
      }
    }
    for (const child of node.children) if (typeof child === 'object') collect(child, byName);
  };
  prototype.getNodesByName = function (this: unknown, node, name, nameAttribute, found) {
    if (
      name !== 'macro' ||
      !nameAttribute ||
      found ||
      node?.name !== 'style' ||
      !Array.isArray(node.children)
    )
      return original.call(this, node, name, nameAttribute, found);
    let index = indexes.get(node);
    if (!index || index.children !== node.children || index.length !== node.children.length) {
      index = { children: node.children, length: node.children.length, byName: new Map() };
      collect(node, index.byName);
      indexes.set(node, index);
    }
    return [...(index.byName.get(nameAttribute) ?? [])];
  };
}

interface FlipFlopEngine {
  getTerm(term: string, form?: string, plural?: number): string;
  fun?: { flipflopper?: { processTags?: (blob: { blobs: unknown }) => void; sridaFast?: boolean } };
}

/**
 * Skip citeproc's markup pass (`flipflopper.processTags`, run on every piece of output) for
 * text that holds no markup it could act on. The pass looks for HTML-like tags and quotes
 * (straight ones and the locale's quote terms) and returns at once, without touching the blob,
 * when it finds none; so text without `<`, a quote or an apostrophe is left alone here without
 * building its regular expressions.
 *
 * @param engine a citeproc engine, just built.
 */
export function speedUpEngine(engine: FlipFlopEngine): void {
  const flipflopper = engine.fun?.flipflopper;
  const original = flipflopper?.processTags;
  // Only beside the module-level stand-ins: the same version check and switch hold for both.
  if (installCiteprocSpeedups() !== 'installed') return;
  if (!flipflopper || typeof original !== 'function' || flipflopper.sridaFast) return;
  flipflopper.sridaFast = true;
  const characters = new Set(['<', '"', "'", '\u2018', '\u2019', '\u201c', '\u201d']);
  for (const term of ['open-quote', 'close-quote', 'open-inner-quote', 'close-inner-quote']) {
    for (const character of String(engine.getTerm(term) ?? '')) characters.add(character);
  }
  const pattern = new RegExp(
    `[${[...characters].map((character) => `\\u{${character.codePointAt(0)!.toString(16)}}`).join('')}]`,
    'u',
  );
  flipflopper.processTags = function (blob) {
    if (typeof blob?.blobs === 'string' && !pattern.test(blob.blobs)) return undefined;
    return original.call(this, blob);
  };
}
