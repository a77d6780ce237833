/**
 * Parse a roadmap YAML file and point at its nodes: every roadmap diagnostic is placed at the
 * node it is about (`roadmap/items.yaml:12:5`), not at a Zod path.
 */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { report } from '../diagnostics/report.ts';

/** A parsed YAML file. */
export interface YamlSource {
  document: Document;
  /** Position of the node at `path` (with `key`: of its key), else of the nearest existing parent. */
  place(path: readonly (string | number)[], key?: boolean): Position | undefined;
}

/**
 * Parse the YAML text of a file, reporting syntax errors (and duplicate keys) as
 * `roadmap-yaml` errors.
 *
 * @returns the document, or undefined when it has errors.
 */
export function parseYamlSource(file: VFile): YamlSource | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(String(file.value ?? ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const point = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col, offset };
  };
  const span = (range: readonly number[] | null | undefined): Position | undefined =>
    range ? { start: point(range[0]!), end: point(Math.max(range[0]!, range[1]!)) } : undefined;

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
      report(file, 'error', `Invalid YAML: ${reason}`, span(error.pos), 'roadmap-yaml', 'Check indentation, quotes and `key: value` pairs.');
    }
    return undefined;
  }

  return {
    document,
    place(path, key = false) {
      let node: unknown = document.contents;
      let found = isNode(node) ? span(node.range) : undefined;
      for (const [index, segment] of path.entries()) {
        const last = index === path.length - 1;
        if (isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
          if (!pair) break;
          const keyNode = pair.key as Node;
          if (last && key) return span(keyNode.range) ?? found;
          node = pair.value;
          // An empty value (`title:`) has no node: point at its key.
          found = (isNode(node) ? span(node.range) : undefined) ?? span(keyNode.range) ?? found;
        } else if (isSeq(node) && typeof segment === 'number') {
          node = node.items[segment];
          if (!isNode(node)) break;
          found = span(node.range) ?? found;
        } else break;
      }
      return found;
    },
  };
}
