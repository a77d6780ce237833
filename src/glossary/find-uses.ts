/**
 * Find where a text uses glossary entries: abbreviations as written (`AAI`, `HL-LHC`, `GPUs`),
 * terms in any case (`pilot job`, `Pilot jobs`), and capitalised words that look like
 * abbreviations but are not defined.
 */
import type { Glossary, GlossaryEntry } from './types.ts';
import { escapeRegExp } from '../util/escape-regexp.ts';

/** One place in a text. */
export interface Use {
  /** Offsets in the text. */
  start: number;
  end: number;
  /** The entry used, or undefined for an abbreviation that is not defined. */
  entry?: GlossaryEntry;
  /** `abbreviation`, `term`, or `undefined-abbreviation`. */
  kind: 'abbreviation' | 'term' | 'undefined-abbreviation';
  /** `GPUs` for `GPU`: the expansion is then plural. */
  plural: boolean;
  /** The words as written. */
  text: string;
}

/** What {@link findUses} looks for, made once per glossary. */
export interface UseFinder {
  find(text: string): Use[];
}

/**
 * A capitalised word with its joined parts: `HL-LHC`, `AI/ML`, `LOFAR2.0`, `SRCNet`, `GPUs`.
 * Letters or digits on either side end it, so `aAI` or `AIx` are not words.
 */
const word = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*(?:[-/.][\p{L}\p{N}]+)*(?![\p{L}\p{N}])/gu;

/** All capitals (digits and joiners allowed), at least two letters, an optional plural `s`. */
const abbreviationShape = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9]+(?:[-.][A-Z0-9]+)*s?$/;

/** Make the finder of a glossary. */
export function useFinder(glossary: Glossary): UseFinder {
  const abbreviations = new Map<string, { entry: GlossaryEntry; plural: boolean }>();
  for (const entry of glossary.entries) {
    if (!entry.abbreviation) continue;
    abbreviations.set(entry.abbreviation, { entry, plural: false });
    if (!abbreviations.has(`${entry.abbreviation}s`))
      abbreviations.set(`${entry.abbreviation}s`, { entry, plural: true });
  }
  const terms = new Map<string, GlossaryEntry>();
  for (const entry of glossary.entries) {
    for (const form of [entry.term, ...entry.aliases])
      if (form) terms.set(form.toLowerCase().replace(/\s+/g, ' '), entry);
  }
  const forms = [...terms.keys()].sort((a, b) => b.length - a.length).map(formPattern);
  const termPattern =
    forms.length > 0
      ? new RegExp(`(?<![\\p{L}\\p{N}])(${forms.join('|')})(s|es)?(?![\\p{L}\\p{N}])`, 'giu')
      : undefined;

  const ignored = (text: string) =>
    glossary.ignore.has(text) || (text.endsWith('s') && glossary.ignore.has(text.slice(0, -1)));
  const undefinedUse = (text: string, start: number): Use => ({
    start,
    end: start + text.length,
    kind: 'undefined-abbreviation',
    plural: false,
    text,
  });

  /**
   * Uses in one capitalised word: the word itself when it is defined; else its defined parts
   * (`AI/ML`, `HPC-based`); a word of capitals that is neither is one undefined abbreviation.
   */
  const usesInWord = (text: string, start: number): Use[] => {
    const whole = abbreviations.get(text);
    if (whole) return [{ start, end: start + text.length, kind: 'abbreviation', text, ...whole }];
    if (ignored(text)) return [];
    const parts: Use[] = [];
    let offset = 0;
    for (const part of text.split(/([-/])/)) {
      const at = start + offset;
      offset += part.length;
      const found = abbreviations.get(part);
      if (found)
        parts.push({
          start: at,
          end: at + part.length,
          kind: 'abbreviation',
          text: part,
          ...found,
        });
      else if (!text.includes('/') || !abbreviationShape.test(part) || ignored(part)) continue;
      else parts.push(undefinedUse(part, at));
    }
    const allDefined = text.split(/[-/]/).every((part) => abbreviations.has(part));
    if (abbreviationShape.test(text) && !allDefined) return [undefinedUse(text, start)];
    return parts;
  };

  return {
    find(text) {
      const uses: Use[] = [];
      for (const match of text.matchAll(word)) uses.push(...usesInWord(match[0], match.index));
      if (termPattern) {
        for (const match of text.matchAll(termPattern)) {
          const entry = terms.get(match[1]!.toLowerCase().replace(/\s+/g, ' '))!;
          const start = match.index;
          const end = start + match[0].length;
          // An abbreviation found at the same place wins (a term written in capitals).
          if (uses.some((use) => use.start < end && start < use.end)) continue;
          uses.push({
            start,
            end,
            entry,
            kind: 'term',
            plural: match[2] !== undefined,
            text: match[0],
          });
        }
      }
      return uses.sort((a, b) => a.start - b.start);
    },
  };
}

/** A form as a pattern: literal characters, any run of white space for a space. */
function formPattern(value: string): string {
  return escapeRegExp(value).replace(/\s+/g, '\\s+');
}
