import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { hash, processWide } from './cache.ts';
import type { CslItem } from './bib-types.ts';
import { installCiteprocSpeedups, speedUpEngine } from './citeproc-speedups.ts';

installCiteprocSpeedups();

/** The parts of citeproc's engine this project uses (citeproc ships without types). */
export interface Engine {
  updateItems(ids: string[]): string[];
  updateUncitedItems(ids: string[]): void;
  makeCitationCluster(items: Record<string, unknown>[]): string;
  makeBibliography():
    | false
    | [
        {
          entry_ids: string[][];
          hangingindent?: boolean;
          'second-field-align'?: string | false;
          linespacing?: number;
          entryspacing?: number;
        },
        string[],
      ];
  getTerm(term: string, form?: string, plural?: number): string;
  setOutputFormat(format: string): void;
  citation: { opt: { layout_prefix: string; layout_suffix: string } };
  registry: { registry: Record<string, { seq: number }> };
  opt: { development_extensions: Record<string, boolean> };
  sys: EngineSys;
}

interface EngineSys {
  retrieveItem(id: string): unknown;
  retrieveLocale(lang: string): unknown;
  wrapCitationEntry?: (html: string, id: string | undefined) => string;
}

type EngineClass = new (sys: EngineSys, style: string, lang: string, forceLang: boolean) => Engine;

const cache = processWide('engines', () => ({
  engines: new Map<string, Engine>(),
  Engine: undefined as EngineClass | undefined,
}));

/**
 * A citeproc engine for a style and locale, built once per process and kept: building one is
 * the most expensive single step (docs/citations.md has the figures). Engines are keyed by the style's and the
 * locale's XML, so an edited custom style or locale gets a new one. They are this project's own
 * (not citation-js's shared ones), so their settings can be changed freely.
 *
 * @param style a style name registered with citation-js.
 * @param locale a locale registered with citation-js.
 * @param items the works the engine may be asked about.
 */
export function engineFor(style: string, locale: string, items: readonly CslItem[]): Engine {
  const csl = plugins.config.get('@csl');
  if (!csl.styles.has(style)) throw new Error(`Unknown citation style \`${style}\``);
  const byId = new Map(items.map((item) => [item.id, item]));
  const retrieveItem = (id: string) => {
    const item = byId.get(id);
    if (!item) throw new Error(`No entry \`${id}\``);
    return item;
  };
  const key = hash(style, csl.styles.get(style), locale, String(csl.locales.get(locale) ?? ''));
  let engine = cache.engines.get(key);
  if (!engine) {
    if (cache.Engine) {
      engine = new cache.Engine(
        { retrieveItem, retrieveLocale },
        csl.styles.get(style),
        locale,
        true,
      );
    } else {
      // citeproc's Engine class is reachable only through an engine citation-js built.
      // citation-js types items as its own CSL type, which plain CSL-JSON satisfies at run time.
      engine = csl.engine(items as never, style, locale, 'html') as Engine;
      cache.Engine = engine.constructor as EngineClass;
    }
    speedUpEngine(engine);
    cache.engines.set(key, engine);
  }
  // Forget the previous job's works (cited, then listed only), while the engine can still
  // look them up, before it gets this job's.
  engine.updateItems([]);
  engine.updateUncitedItems([]);
  engine.sys.retrieveItem = retrieveItem;
  engine.setOutputFormat('html');
  return engine;
}

/** A locale's XML for citeproc (`en-US` or `en_US`), as citation-js looks it up. */
function retrieveLocale(lang: string): unknown {
  const locales = plugins.config.get('@csl').locales;
  if (locales.has(lang)) return locales.get(lang);
  const underscored = lang.replace('-', '_');
  return locales.has(underscored) ? locales.get(underscored) : {};
}
