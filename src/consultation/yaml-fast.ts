/**
 * Reading and writing large consultation records quickly. The `yaml` package, which the project
 * uses for its positions, is much slower than js-yaml on a large record (docs/consultation.md
 * has the measurement). So records are read with js-yaml (YAML 1.2 core schema, as `yaml`
 * reads them), and parsed again with `yaml` only when a message needs a place: a clean record
 * never pays for positions. New comments are appended to the record's text, serialised by
 * js-yaml, and the result is read back and compared before it is used.
 */
import jsyaml from 'js-yaml';
import { VFile } from 'vfile';
import { parseYaml, type LocatedYaml } from '../content/parse-yaml.ts';

/**
 * Something that may be a YAML alias (`key: *name`, `- *name`, `[*name`). js-yaml has no bound
 * on alias expansion, and a "billion laughs" text would then blow up in the schema check: such
 * texts take the slow path, where `yaml` counts aliases (see `maxYamlAliases`). Records written
 * by the tool never contain aliases (`noRefs`).
 */
const aliasLike = /(?::|^\s*-|[[{,])\s*\*[^\s*]/m;

/**
 * The data of a YAML text, or undefined when js-yaml cannot read it or the text may hold an
 * alias (then `parseYaml` reads it, reports why it cannot, and bounds aliases).
 */
export function loadFast(text: string): unknown {
  if (aliasLike.test(text)) return undefined;
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

/**
 * A {@link LocatedYaml} over data already read: `toJS()` gives the data, and the first call of
 * `placeOf` parses the text with `yaml` to find the place.
 */
export function locatedLazily(text: string, data: unknown): LocatedYaml {
  let located: LocatedYaml | undefined | null = null;
  // A scratch file: the text was read without error already, so its messages say nothing new.
  const slow = () => (located === null ? (located = parseYaml(new VFile(), text)) : located);
  return {
    data,
    placeOf: (path, key) => slow()?.placeOf(path, key) ?? { line: 1, column: 1 },
    place: (path, key) => slow()?.place?.(path, key),
  };
}

/**
 * Items of a block sequence, as YAML lines indented by `indent`: literal blocks for text with
 * line breaks, no line folding, and empty values (`null`) written as nothing (`disposition:`).
 */
export function dumpItems(items: readonly object[], indent: string): string {
  const text = jsyaml.dump(items, { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });
  return text
    .replace(/^(\s*(?:- )?[A-Za-z]+): null$/gm, '$1:')
    .split('\n')
    .map((line) => (line === '' ? line : `${indent}${line}`))
    .join('\n');
}
