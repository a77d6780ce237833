import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { readSource } from '../content/read-source.ts';
import { report } from '../diagnostics/report.ts';
import type { BibEntry, ParsedBibliography, SourceProblem } from './bib-types.ts';
import { hash, Lru, processWide } from './cache.ts';
import { parseBibtex } from './parse-bibtex.ts';
import { parseCslJson } from './parse-csl-json.ts';
import {
  checkLocale,
  checkStyle,
  registerLocale,
  registerStyle,
  type CheckedStyle,
  type StyleInfo,
} from './styles.ts';

/** A bibliography entry and the file it is in. */
export interface LibraryEntry extends BibEntry {
  file: VFile;
}

/** Everything under `bibliography/`: the entries of all files, and the extra styles. */
export interface Library {
  entries: Map<string, LibraryEntry>;
  /** Custom styles by the name a document selects them with (file name without `.csl`). */
  styles: Map<string, { info?: StyleInfo; file: VFile }>;
  /** Every file read, with its messages. */
  files: VFile[];
}

const parsed = processWide('parsed-bibliographies', () => new Lru<ParsedBibliography>(32));
const checkedStyles = processWide(
  'checked-styles',
  () => new Lru<CheckedStyle & { lang?: string }>(32),
);

/** Parse caches, for tests and benchmarks that want a cold start. */
export function clearLibraryCache(): void {
  parsed.clear();
  checkedStyles.clear();
}

/**
 * Read `bibliography/*.bib` (BibTeX/BibLaTeX) and `*.json` (CSL-JSON) in name order, and the
 * styles and locales in `bibliography/styles/` (`*.csl`, `locales-xx-XX.xml`). Each file's
 * parse is cached by content hash, so an unchanged file is never parsed twice in a process;
 * its problems are replayed as messages on a fresh VFile every time. A key defined twice is an
 * error at both places; the first definition is used.
 *
 * @param root the project root.
 */
export async function loadLibrary(root: string): Promise<Library> {
  const library: Library = { entries: new Map(), styles: new Map(), files: [] };
  for (const name of await list(root, 'bibliography')) {
    const kind = name.endsWith('.bib') ? 'bibtex' : name.endsWith('.json') ? 'csl-json' : undefined;
    if (!kind) continue;
    const { file, ok } = await readSource(root, `bibliography/${name}`);
    library.files.push(file);
    if (!ok) continue;
    const text = String(file.value);
    const result = parsed.getOrSet(hash(kind, text), () =>
      kind === 'bibtex' ? parseBibtex(text) : parseCslJson(text),
    );
    replay(file, result.problems);
    for (const entry of result.entries) addEntry(library, { ...entry, file });
  }
  for (const name of await list(root, 'bibliography/styles')) {
    const isStyle = name.endsWith('.csl');
    const isLocale = /^locales-[\w-]+\.xml$/.test(name);
    if (!isStyle && !isLocale) continue;
    const { file, ok } = await readSource(root, `bibliography/styles/${name}`);
    library.files.push(file);
    if (!ok) continue;
    const text = String(file.value);
    const key = hash(isStyle ? 'style' : 'locale', text);
    const style = checkedStyles.getOrSet(key, () =>
      isStyle
        ? checkStyle(text, `custom-${name.slice(0, -4)}-${key.slice(0, 8)}`)
        : checkLocale(text),
    );
    // A cached check may come from another copy of this module (the CLI's and Vite's): make
    // sure this copy's citation-js knows the style or locale too.
    if (style.info) registerStyle(style.info.registered, text);
    if (style.lang) registerLocale(style.lang, text);
    replay(file, style.problems);
    if (isStyle) library.styles.set(name.slice(0, -4), { info: style.info, file });
  }
  return library;
}

/** Add an entry unless its key is taken (then report both places). */
function addEntry(library: Library, entry: LibraryEntry) {
  const first = library.entries.get(entry.key);
  if (!first) {
    library.entries.set(entry.key, entry);
    return;
  }
  const hint =
    'Keys must be unique across all bibliography files; rename or remove one (the first is used).';
  report(
    entry.file,
    'error',
    `Duplicate key \`${entry.key}\`: already defined at ${where(first.file, first.place)}`,
    entry.place,
    'bibliography-duplicate-key',
    hint,
  );
  report(
    first.file,
    'error',
    `Key \`${entry.key}\` is defined again at ${where(entry.file, entry.place)}`,
    first.place,
    'bibliography-duplicate-key',
    hint,
  );
}

/** `path:line:column` of a place, for messages that name another place. */
function where(file: VFile, place: Point): string {
  return `${file.path}:${place.line}:${place.column}`;
}

/** Turn cached problems into messages on this assembly's file. */
function replay(file: VFile, problems: readonly SourceProblem[]) {
  for (const problem of problems)
    report(
      file,
      problem.severity,
      problem.reason,
      { line: problem.place.line, column: problem.place.column },
      problem.ruleId,
      problem.hint,
    );
}

/** File names in a folder under the root, sorted; none if it does not exist. */
async function list(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}
