/** The shape of parsed YAML with positions (see `parse-yaml.ts`), apart so that the reporter
 * of schema issues can take it without an import cycle. */
import type { Position } from 'unist';

/** A path into YAML data: keys and sequence indexes. */
export type YamlPath = readonly PropertyKey[];

/** A parsed YAML text: its data and a way to point at any of its nodes. */
export interface LocatedYaml {
  /** The data (plain JavaScript values). */
  data: unknown;
  /** Position (1-based) of the node at a path, or of the nearest parent that exists. */
  placeOf(path: YamlPath, key?: boolean): { line: number; column: number };
  /** Same, as a span (start and end) where the node has one. */
  place?(path: YamlPath, key?: boolean): Position | undefined;
}
