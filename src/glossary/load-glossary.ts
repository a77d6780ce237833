/**
 * Read `glossary/*.yaml`: terms and abbreviations written once for every document. Never
 * throws on bad content: each problem is a message at its place, and the entry is left out.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { parseYaml, validateYaml } from '../content/parse-yaml.ts';
import { readSource } from '../content/read-source.ts';
import { report } from '../diagnostics/report.ts';
import { slugify } from '../markdown/heading-id.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { glossaryEntrySchema, glossaryFileSchema } from '../schemas/glossary.ts';
import type { Glossary, GlossaryEntry } from './types.ts';

/** Load and check the glossary of a project (empty when it has no `glossary/` folder). */
export async function loadGlossary(root: string): Promise<Glossary> {
  const names = await readdir(path.join(root, 'glossary')).catch(() => [] as string[]);
  const glossary: Glossary = { entries: [], ignore: new Set(), files: [] };
  for (const name of names.filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const { file, ok } = await readSource(root, path.posix.join('glossary', name));
    glossary.files.push(file);
    if (ok) readGlossaryFile(file, glossary);
  }
  reportDuplicates(glossary);
  return glossary;
}

/** Add the entries and ignored words of one file to `glossary`. */
export function readGlossaryFile(file: VFile, glossary: Glossary): void {
  const located = parseYaml(file, String(file.value));
  if (!located) return;
  const top = validateYaml(file, located, glossaryFileSchema, 'glossary-schema');
  if (!top) return;
  for (const word of top.ignore ?? []) glossary.ignore.add(word);
  for (const [index, raw] of (top.entries ?? []).entries()) {
    const at = ['entries', index];
    const label = `glossary entry ${index + 1}${entryName(raw)}`;
    const data = validateYaml(file, located, glossaryEntrySchema, 'glossary-schema', {
      base: at,
      label,
    });
    if (!data) continue;
    glossary.entries.push({
      id: data.id ?? slugify(data.abbreviation ?? data.term!),
      abbreviation: data.abbreviation,
      expansion: data.expansion,
      expansionPlural: data.expansionPlural,
      term: data.term,
      definition: data.definition,
      aliases: data.aliases ?? [],
      seeAlso: data.seeAlso ?? [],
      file,
      place: located.placeOf(at),
      placeOf: (field, item) =>
        located.placeOf([...at, field, ...(item === undefined ? [] : [item])]),
    });
  }
}

/** " (`HPC`)" for an entry with an abbreviation or term, for messages. */
function entryName(raw: unknown): string {
  const entry = (raw ?? {}) as { abbreviation?: unknown; term?: unknown };
  const name = typeof entry.abbreviation === 'string' ? entry.abbreviation : entry.term;
  return typeof name === 'string' ? ` (\`${name}\`)` : '';
}

/** An id, abbreviation or term written twice is an error at the second one. */
function reportDuplicates(glossary: Glossary): void {
  const seen = new Map<string, GlossaryEntry>();
  const kept: GlossaryEntry[] = [];
  for (const entry of glossary.entries) {
    // The words first: two entries for `HPC` are one mistake, however their ids came out.
    const keys: [string, string, string][] = [];
    if (entry.abbreviation)
      keys.push([`abbr:${entry.abbreviation}`, 'abbreviation', entry.abbreviation]);
    if (entry.term) keys.push([`term:${entry.term.toLowerCase()}`, 'term', entry.term]);
    keys.push([`id:${entry.id}`, 'id', entry.id]);
    const clash = keys.find(([key]) => seen.has(key));
    if (clash) {
      const [key, what, value] = clash;
      const first = seen.get(key)!;
      report(
        entry.file,
        'error',
        `Duplicate glossary ${what} \`${value}\`: \`${first.file.path}:${first.place.line}\` has it too`,
        entry.place,
        'glossary-duplicate',
        what === 'id'
          ? 'Give one of them another `id`.'
          : 'Write each term and abbreviation once; merge the two entries.',
      );
      continue;
    }
    for (const [key] of keys) seen.set(key, entry);
    kept.push(entry);
  }
  glossary.entries = kept;
  const ids = new Set(kept.map((entry) => entry.id));
  for (const entry of kept) {
    for (const [index, other] of entry.seeAlso.entries()) {
      if (ids.has(other)) continue;
      const suggestion = didYouMean(other, [...ids]);
      report(
        entry.file,
        'error',
        `\`seeAlso\` names \`${other}\`, which is not a glossary entry`,
        entry.placeOf('seeAlso', index),
        'glossary-see-also',
        suggestion
          ? `Did you mean \`${suggestion}\`?`
          : 'Name entries by their `id` (the slug of the abbreviation or term unless set).',
      );
    }
  }
}
