import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { BibEntry, CslItem, ParsedBibliography, SourceProblem } from './bib-types.ts';
import { checkLinks } from './check-fields.ts';
import { scanBibtex, type ScannedEntry } from './scan-bibtex.ts';
import { LineIndex } from './source-map.ts';

/** A raw entry as citation-js's BibTeX grammar returns it. */
interface RawEntry {
  type: string;
  label: string;
  properties: Record<string, unknown>;
}

/** How citation-js names tokens in its syntax errors, in words an author knows. */
const tokenWords: Record<string, string> = {
  rbrace: '`}`',
  lbrace: '`{`',
  comma: '`,`',
  equals: '`=`',
  identifier: 'a field name',
  label: 'a key',
  quote: '`"`',
  text: 'text',
  hash: '`#`',
  number: 'a number',
  EOF: 'the end of the file',
};

const maxErrors = 100;

/**
 * What this file reads out of citation-js's syntax-error texts (the only place they carry a
 * position). tests/citations/citation-js-errors.test.ts pins those texts, so an upgrade that
 * rewords them fails a test instead of silently losing every position.
 */
export const citationJsErrorPatterns = {
  /** `… at line 4 col 1:` */
  place: /line (\d+) col (\d+)/,
  /** `expected "rbrace", got "identifier"` or `expected "rbrace", got EOF` */
  expected: /expected "(\w+)", got (?:"(\w+)"|(EOF))/,
} as const;

/**
 * Parse a BibTeX/BibLaTeX file into CSL items with positions. citation-js stops at the first
 * syntax error; each error is reported where it is, the broken entry is blanked out (keeping
 * line and column numbers) and the rest is parsed again, so one typo costs one entry, not the
 * file. DOIs and URLs are checked (see {@link checkLinks}).
 *
 * @param text the file's content.
 */
export function parseBibtex(text: string): ParsedBibliography {
  const lines = new LineIndex(text);
  const scanned = scanBibtex(text);
  const problems: SourceProblem[] = [];
  const blanked = new Set<ScannedEntry>();
  let working = text;
  let raw: RawEntry[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      raw = plugins.input.data(working, '@biblatex/text') as RawEntry[];
      break;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const entry = blame(scanned, blanked, errorOffset(message, lines, text));
      problems.push(syntaxProblem(message, entry, lines, text));
      if (!entry || attempt >= maxErrors) break;
      blanked.add(entry);
      working =
        working.slice(0, entry.start) +
        working.slice(entry.start, entry.end).replace(/[^\n]/g, ' ') +
        working.slice(entry.end);
    }
  }

  const byKey = new Map<string, ScannedEntry[]>();
  for (const entry of scanned) {
    if (blanked.has(entry) || !entry.key) continue;
    byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
  }
  const items = toCsl(raw, problems, byKey, lines);
  const entries: BibEntry[] = [];
  for (let index = 0; index < raw.length; index++) {
    const item = items[index];
    if (!item) continue;
    const found = byKey.get(raw[index]!.label)?.shift();
    const fields: BibEntry['fields'] = {};
    for (const [name, at] of found?.fields ?? []) fields[name] = lines.point(at.value);
    dropOthers(item);
    const entry: BibEntry = {
      format: 'bibtex',
      key: raw[index]!.label,
      item,
      place: lines.point(found?.keyOffset ?? 0),
      fields,
    };
    checkLinks(entry, problems);
    entries.push(entry);
  }
  return { entries, problems };
}

/**
 * Convert raw entries to CSL in one call (entry by entry if that fails, to find the culprit).
 * English titles are turned into sentence case with braced words kept as written, as Pandoc
 * does: styles that want title case (Chicago) convert back, styles that want sentence case
 * (APA, Vancouver) print them as stored, and `{DNA}` or `{Europe}` survive both. The language
 * comes from `langid` (or `language`); a German title stays as written.
 */
function toCsl(
  raw: RawEntry[],
  problems: SourceProblem[],
  byKey: Map<string, ScannedEntry[]>,
  lines: LineIndex,
): (CslItem | undefined)[] {
  for (const entry of raw) {
    if (entry.properties.langid !== undefined && entry.properties.language === undefined)
      entry.properties.language = entry.properties.langid;
  }
  // Casts below: citation-js types its parser options and its BibTeX input narrowly; the
  // values are those its documentation gives, and its output for a list of entries is CSL.
  const parse = plugins.config.get('@bibtex').parse;
  const saved = parse.sentenceCase;
  parse.sentenceCase = 'english' as never;
  try {
    // The plugin's typings say a BibTeX list parses to BibTeX entries; it parses to CSL.
    return plugins.input.data(raw as never, '@biblatex/entries+list') as unknown as CslItem[];
  } catch {
    return raw.map((entry) => {
      try {
        // The same casts as above, for one entry.
        return (
          plugins.input.data([entry] as never, '@biblatex/entries+list') as unknown as CslItem[]
        )[0];
      } catch (error) {
        problems.push({
          severity: 'error',
          reason: `Cannot read entry \`${entry.label}\`: ${error instanceof Error ? error.message : String(error)}`,
          place: lines.point(byKey.get(entry.label)?.[0]?.keyOffset ?? 0),
          ruleId: 'bibtex-syntax',
          hint: 'The entry is left out until it is fixed.',
        });
        return undefined;
      }
    });
  } finally {
    parse.sentenceCase = saved;
  }
}

/**
 * BibTeX's `and others` means "and more authors"; citation-js makes it an author named
 * "others" ("Bird & others, 2014"). CSL has no way to say it, so it is left out: the style's
 * own et-al rules apply to the names given.
 */
function dropOthers(item: CslItem) {
  for (const [field, value] of Object.entries(item)) {
    if (!Array.isArray(value)) continue;
    const names = value as { family?: string; given?: string; literal?: string }[];
    const kept = names.filter(
      (name) =>
        !(
          name &&
          typeof name === 'object' &&
          ((name.family === 'others' && !name.given) || name.literal === 'others')
        ),
    );
    if (kept.length !== names.length) item[field] = kept;
  }
}

/** The offset named by citation-js's `line N col M`, or -1. */
function errorOffset(message: string, lines: LineIndex, text: string): number {
  const match = citationJsErrorPatterns.place.exec(message);
  if (!match) return -1;
  return Math.min(lines.offset(Number(match[1]), Number(match[2])), text.length);
}

/**
 * The entry to blame for an error at `offset`: the one it falls in, unless an earlier entry never
 * closed (then the error shows only where the next entry starts).
 */
function blame(
  scanned: ScannedEntry[],
  blanked: Set<ScannedEntry>,
  offset: number,
): ScannedEntry | undefined {
  if (offset < 0) return scanned.find((entry) => !entry.closed && !blanked.has(entry));
  let found: ScannedEntry | undefined;
  for (const entry of scanned) {
    if (blanked.has(entry)) continue;
    if (entry.start > offset) break;
    if ((!entry.closed || entry.openValue !== undefined) && entry.end <= offset) return entry;
    found = entry;
  }
  return found;
}

/** The problem to report for a citation-js syntax error, in an author's words and at the best place. */
function syntaxProblem(
  message: string,
  entry: ScannedEntry | undefined,
  lines: LineIndex,
  text: string,
): SourceProblem {
  const name = entry?.key ? ` \`${entry.key}\`` : '';
  const hint = 'The entry is left out until it is fixed; the rest of the file is read.';
  if (entry && !entry.opened) {
    const at = text.slice(entry.start, entry.end).trim();
    return {
      severity: 'error',
      reason: `\`${at}\` is read as the start of an entry, but no \`{\` follows`,
      place: lines.point(entry.start),
      ruleId: 'bibtex-syntax',
      hint: 'BibTeX reads every `@` outside entries as an entry: in a comment, write `(at)` instead, or start the line with `@comment`.',
    };
  }
  if (entry && entry.openValue !== undefined) {
    const quoted = text[entry.openValue] === '"';
    return {
      severity: 'error',
      reason: `Unclosed ${quoted ? '`"`' : '`{`'} in entry${name}`,
      place: lines.point(entry.openValue),
      ruleId: 'bibtex-syntax',
      hint: `Close the value with ${quoted ? '`"`' : '`}`'}. ${hint}`,
    };
  }
  if (entry && !entry.closed && entry.swallowing !== undefined) {
    return {
      severity: 'error',
      reason: `Entry${name} is not closed: this value seems to lack its \`}\``,
      place: lines.point(entry.swallowing),
      ruleId: 'bibtex-syntax',
      hint: `The value runs on over the next fields; close it with \`}\`. ${hint}`,
    };
  }
  if (entry && !entry.closed) {
    return {
      severity: 'error',
      reason: `Entry${name} is not closed`,
      place: lines.point(entry.start),
      ruleId: 'bibtex-syntax',
      hint: `End the entry with \`}\` before the next \`@\`. ${hint}`,
    };
  }
  const match = citationJsErrorPatterns.place.exec(message);
  const expected = citationJsErrorPatterns.expected.exec(message);
  const what = expected
    ? `expected ${tokenWords[expected[1]!] ?? expected[1]}, found ${tokenWords[expected[2] ?? expected[3]!] ?? expected[2]}`
    : 'unexpected text';
  return {
    severity: 'error',
    reason: `BibTeX syntax error in entry${name}: ${what}`,
    place: match
      ? { line: Number(match[1]), column: Number(match[2]) }
      : lines.point(entry?.start ?? 0),
    ruleId: 'bibtex-syntax',
    hint: `Write entries as \`@type{key, field = {value}, field = {value}}\`. ${hint}`,
  };
}
