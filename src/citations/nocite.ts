import type { Point } from 'unist';
import type { DocumentSource } from '../content/load-project.ts';

/** A key listed in `nocite`, with its place in `document.yaml`. */
export interface NociteKey {
  key: string;
  place: Point;
}

/**
 * The works a document lists in its `nocite` metadata (Pandoc's syntax: `@key1, @key2` or
 * `@*`; a YAML list of keys works too, with or without `@`). `all` is true for `@*`, which
 * lists every entry of the bibliography.
 *
 * @param document the document.
 */
export function nociteKeys(document: DocumentSource): { all: boolean; keys: NociteKey[] } {
  const { nocite } = document.metadata;
  if (nocite === undefined) return { all: false, keys: [] };
  const tokens = (Array.isArray(nocite) ? nocite : [nocite])
    .flatMap((value) => value.split(/[\s,;]+/))
    .filter(Boolean);
  const yaml = String(document.metadataFile.value);
  const start = /^nocite:/m.exec(yaml);
  let from = start?.index ?? 0;
  const keys: NociteKey[] = [];
  let all = false;
  for (const token of tokens) {
    const key = token.replace(/^@/, '').replace(/^\{(.*)\}$/, '$1');
    if (key === '*') {
      all = true;
      continue;
    }
    if (!key) continue;
    // The place of the token as written (at its `@`, as for citations in chapters).
    const at = start ? yaml.indexOf(token, from) : -1;
    if (at === -1) {
      keys.push({ key, place: document.placeOf(['nocite']) });
      continue;
    }
    from = at + token.length;
    const before = yaml.slice(0, at);
    keys.push({
      key,
      place: { line: before.split('\n').length, column: at - before.lastIndexOf('\n') },
    });
  }
  return { all, keys };
}
