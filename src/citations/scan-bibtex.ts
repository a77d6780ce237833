/**
 * A structural pre-scan of a BibTeX file: where each entry starts and ends, where its key and
 * each field's value stand. citation-js parses the values; this only finds positions, which
 * citation-js does not give (its errors carry `line N col M` in their text at best).
 */

/** An `@type{key, field = value, …}` entry as found in the text. */
export interface ScannedEntry {
  /** Lower-case entry type (`article`, `string`, `preamble`, …). */
  type: string;
  /** The citation key (empty for `@string` and `@preamble`). */
  key: string;
  /** Offset of the `@`. */
  start: number;
  /** Offset after the closing brace (or where the scan gave up). */
  end: number;
  /** Offset of the key. */
  keyOffset: number;
  /** Field name (lower case) → offset of its name and of its value. */
  fields: Map<string, { name: number; value: number }>;
  /** False when no `{` or `(` follows the type (an `@` in a comment, say). */
  opened: boolean;
  /** False when the closing brace was not found before the next entry or the end. */
  closed: boolean;
  /** Offset of a braced or quoted value that never closed, if any. */
  openValue?: number;
  /** Offset of a value that holds lines like `field = …`: a `}` is probably missing there. */
  swallowing?: number;
}

const identifier = /[a-zA-Z_][a-zA-Z0-9_:+-]*/y;

/**
 * Find the entries of a BibTeX file. Text outside entries is a comment (as in BibTeX);
 * `@comment` runs to the end of its line (as citation-js reads it). An entry that does not close
 * ends before the next `@` at the start of a line, so one broken entry does not hide the rest.
 */
export function scanBibtex(text: string): ScannedEntry[] {
  const entries: ScannedEntry[] = [];
  let index = text.indexOf('@');
  while (index !== -1) {
    identifier.lastIndex = index + 1 + skipSpace(text, index + 1);
    const typeMatch = identifier.exec(text);
    const type = typeMatch ? typeMatch[0].toLowerCase() : '';
    if (type === 'comment') {
      const lineEnd = text.indexOf('\n', index);
      index = lineEnd === -1 ? -1 : text.indexOf('@', lineEnd);
      continue;
    }
    const entry = scanEntry(text, index, type, typeMatch ? identifier.lastIndex : index + 1);
    entries.push(entry);
    index = text.indexOf('@', Math.max(entry.end, index + 1));
  }
  return entries;
}

/** Number of whitespace characters at `from`. */
function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index]!)) index += 1;
  return index - from;
}

/** Scan one entry from its `@` (at `start`): key, fields, end. */
function scanEntry(text: string, start: number, type: string, afterType: number): ScannedEntry {
  const entry: ScannedEntry = {
    type,
    key: '',
    start,
    end: afterType,
    keyOffset: afterType,
    fields: new Map(),
    opened: false,
    closed: false,
  };
  let index = afterType + skipSpace(text, afterType);
  const open = text[index];
  if (open !== '{' && open !== '(') {
    entry.end = index;
    return entry;
  }
  const close = open === '{' ? '}' : ')';
  entry.opened = true;
  index += 1;
  if (type !== 'string' && type !== 'preamble') {
    index += skipSpace(text, index);
    entry.keyOffset = index;
    const keyEnd = /[,\s}]/g;
    keyEnd.lastIndex = index;
    const found = keyEnd.exec(text);
    entry.key = text.slice(index, found ? found.index : text.length);
    index = found ? found.index : text.length;
  }
  // Fields: `name = value` separated by commas, values in braces, quotes, or bare words.
  let expectName = true;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\n' && text[index + 1] === '@') {
      entry.end = index + 1;
      return entry;
    }
    if (char === close) {
      entry.end = index + 1;
      entry.closed = true;
      return entry;
    }
    if (char === ',') {
      expectName = true;
      index += 1;
      continue;
    }
    if (char === '{' || char === '"') {
      const value = skipValue(text, index);
      if (!value.closed) entry.openValue ??= index;
      else if (/\n[ \t]*[A-Za-z_][\w-]*[ \t]*=/.test(text.slice(index, value.end)))
        entry.swallowing ??= index;
      index = value.end;
      continue;
    }
    if (expectName && /[a-zA-Z_]/.test(char)) {
      identifier.lastIndex = index;
      const name = identifier.exec(text)![0];
      const afterName = identifier.lastIndex;
      const equals = afterName + skipSpace(text, afterName);
      if (text[equals] === '=') {
        const value = equals + 1 + skipSpace(text, equals + 1);
        if (!entry.fields.has(name.toLowerCase()))
          entry.fields.set(name.toLowerCase(), { name: index, value });
        index = value;
        expectName = false;
        continue;
      }
      index = afterName;
      continue;
    }
    index += 1;
  }
  entry.end = text.length;
  return entry;
}

/** Skip a braced or quoted value starting at `start`: the offset after it, and whether it closed. */
function skipValue(text: string, start: number): { end: number; closed: boolean } {
  const quoted = text[start] === '"';
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\') {
      index += 1;
      continue;
    }
    // A new entry at the start of a line ends a value that never closed.
    if (char === '\n' && text[index + 1] === '@') return { end: index, closed: false };
    if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (!quoted && depth === 0) return { end: index + 1, closed: true };
      if (depth < 0) return { end: index, closed: false };
    } else if (quoted && char === '"' && index > start && depth === 0)
      return { end: index + 1, closed: true };
  }
  return { end: text.length, closed: false };
}
