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
import type { Document } from 'yaml';
import { parseYaml, type LocatedYaml } from '../content/parse-yaml.ts';

/** The data of a YAML text, or undefined when js-yaml cannot read it (then `yaml` reports why). */
export function loadFast(text: string): unknown {
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
  return {
    // Only `toJS` is used of a record's document (by the validators); see the module comment.
    document: { toJS: () => data } as unknown as Document,
    placeOf(path, key) {
      // A scratch file: the text was read without error already, so its messages say nothing new.
      if (located === null) located = parseYaml(new VFile(), text);
      return located ? located.placeOf(path, key) : { line: 1, column: 1 };
    },
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
