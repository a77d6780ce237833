import type { Point } from 'unist';
import type { BibEntry, CslItem, ParsedBibliography, SourceProblem } from './bib-types.ts';
import { checkLinks } from './check-fields.ts';
import { LineIndex } from './source-map.ts';

/**
 * Parse a CSL-JSON file (an array of items, as Zotero exports it) with positions: a JSON syntax
 * error where it is, an item without a string `id` or `type` at that item. Positions of items
 * and fields are found by looking for their `"id"` and field names in the text.
 *
 * @param text the file's content.
 */
export function parseCslJson(text: string): ParsedBibliography {
  const lines = new LineIndex(text);
  const problems: SourceProblem[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    problems.push({
      severity: 'error',
      reason: `JSON syntax error: ${message.replace(/ in JSON at position.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '')}`,
      place: lines.point(at ? Number(at[1]) : 0),
      ruleId: 'csl-json-syntax',
      hint: 'The file is left out until it is fixed.',
    });
    return { entries: [], problems };
  }
  if (!Array.isArray(data)) {
    problems.push({
      severity: 'error',
      reason: 'A CSL-JSON file must hold an array of items',
      place: { line: 1, column: 1 },
      ruleId: 'csl-json-item',
      hint: 'Write `[ { "id": "key", "type": "book", … } ]` (Zotero: export as CSL JSON).',
    });
    return { entries: [], problems };
  }
  const entries: BibEntry[] = [];
  const ranges = elementRanges(text);
  data.forEach((value: unknown, index) => {
    const item = value as Partial<CslItem> | null;
    const [start, end] = ranges[index] ?? [0, text.length];
    const id =
      item && typeof item === 'object' && typeof item.id === 'string' ? item.id : undefined;
    const idAt = findProperty(text, 'id', start, end);
    const place = lines.point(idAt === -1 ? start : idAt);
    if (!item || typeof item !== 'object' || !id || typeof item.type !== 'string') {
      problems.push({
        severity: 'error',
        reason: `CSL-JSON item ${index + 1} needs a string \`id\` and \`type\``,
        place,
        ruleId: 'csl-json-item',
        hint: 'Each item looks like `{ "id": "doe2020", "type": "article-journal", "title": "…" }`.',
      });
      return;
    }
    const fields: Record<string, Point> = {};
    for (const name of Object.keys(item)) {
      const at = findProperty(text, name, start, end);
      if (at !== -1) fields[name.toLowerCase()] = lines.point(at);
    }
    const entry: BibEntry = {
      format: 'csl-json',
      key: id,
      item: { ...(item as CslItem) },
      place,
      fields,
    };
    checkLinks(entry, problems);
    entries.push(entry);
  });
  return { entries, problems };
}

/** Offset of the value of the first `"name":` in `[from, to)`, or -1. */
function findProperty(text: string, name: string, from: number, to: number): number {
  const pattern = new RegExp(`"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:\\s*`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  if (!match || match.index >= to) return -1;
  return match.index + match[0].length;
}

/** Start and end offsets of each element of the top-level JSON array (the text is valid JSON). */
function elementRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let depth = 0;
  let start = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') {
      for (index += 1; index < text.length && text[index] !== '"'; index++)
        if (text[index] === '\\') index += 1;
      if (depth === 1 && start === -1) start = index;
      continue;
    }
    if (char === '[' || char === '{') {
      if (depth === 1 && start === -1) start = index;
      depth += 1;
    } else if (char === ']' || char === '}') {
      depth -= 1;
      if (depth === 0 && start !== -1) ranges.push([start, index]);
    } else if (depth === 1 && char === ',') {
      if (start !== -1) ranges.push([start, index]);
      start = -1;
    } else if (depth === 1 && start === -1 && !/\s/.test(char)) {
      start = index;
    }
  }
  return ranges;
}
