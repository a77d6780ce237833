/**
 * Positions in a JSON file, for messages about its items. JSON is read with `JSON.parse`; only
 * when a message needs a place is the text parsed again as YAML (JSON is a subset of it), which
 * knows where each node starts.
 */
import { VFile } from 'vfile';
import { parseYaml, type LocatedYaml } from '../../content/parse-yaml.ts';

/** The line and column of the value at a path (or of the nearest parent that exists). */
export type JsonPlaces = (path: readonly (string | number)[]) => { line: number; column: number };

/** Places in `text`, located on first use. */
export function jsonPlaces(text: string): JsonPlaces {
  let located: LocatedYaml | undefined | null = null;
  return (path) => {
    // A scratch file: messages of this second parse are not the user's concern.
    if (located === null) located = parseYaml(new VFile(), text);
    return located ? located.placeOf(path) : { line: 1, column: 1 };
  };
}
