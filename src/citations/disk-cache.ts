import { existsSync, readFileSync, utimesSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { hash } from './cache.ts';
import type { FormatResult } from './format-document.ts';

/**
 * Formatted citations kept on disk between processes, so that `srida check`, `srida build`,
 * `npm run dev` and CI (with the folder cached) format a document's citations only when they
 * changed. A result is stored under a hash of everything that decides it: the job (works,
 * citations in order), the style's and the locale's XML, the formatting code of this project
 * and the versions of citeproc, `@citation-js/plugin-csl` and `@citation-js/core`. So a
 * stored result is what formatting would produce now; anything unreadable is treated as absent.
 *
 * The folder is `<root>/node_modules/.cache/srida/citations` (the `find-cache-dir` convention
 * that babel-loader, terser-webpack-plugin and AVA follow), or `SRIDA_CACHE_DIR`; a root
 * without `node_modules` gets no disk cache (test fixtures, benchmark copies), nor does any
 * run with `SRIDA_CACHE=0` (or `false`, `off`, `no`).
 */

/** How many results to keep: a few documents, each in a few recent states. */
const keep = 24;

/** The cache folder for a project root, or undefined when there is none. */
export function diskCacheDir(root: string): string | undefined {
  if (/^(0|false|off|no)$/i.test(process.env.SRIDA_CACHE ?? '')) return undefined;
  if (process.env.SRIDA_CACHE_DIR) return path.resolve(process.env.SRIDA_CACHE_DIR, 'citations');
  const modules = path.join(root, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'srida', 'citations') : undefined;
}

/**
 * The key of a job's result, or undefined when the formatting code cannot be read (then
 * nothing is cached: a bundler moved it, and its version is unknown).
 *
 * @param parts the job's own key parts (style XML, locale XML, works, citations).
 */
export function diskKey(...parts: string[]): string | undefined {
  const version = codeVersion();
  return version === undefined ? undefined : hash(version, ...parts);
}

/** A stored result, or undefined (absent, unreadable, or not a result). */
export function readResult(dir: string, key: string): FormatResult | undefined {
  const file = path.join(dir, `${key}.json`);
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as FormatResult;
    if (
      !Array.isArray(value?.clusters) ||
      !Array.isArray(value.bibliography) ||
      typeof value.layout !== 'object'
    )
      throw new Error('not a result');
    // Recently used results are the last to be pruned (not possible on a read-only disk).
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // The result is still good.
    }
    return value;
  } catch {
    return undefined;
  }
}

/**
 * Store a result (atomically: a reader never sees half a file), then drop the least recently
 * used beyond {@link keep}. A cache that cannot be written is not an error.
 */
export async function writeResult(dir: string, key: string, result: FormatResult): Promise<void> {
  await writeFileAtomic(path.join(dir, `${key}.json`), Buffer.from(JSON.stringify(result)))
    .then(() => prune(dir))
    .catch(() => undefined); // Read-only checkout, full disk: formatting still worked.
}

/**
 * Remember that a document whose sources hash to `sourceKey` formats to the result `key`. The
 * next process reads this before parsing, to know that it will not need an engine (see
 * {@link knownSources}); it only decides what to prepare, never what is output.
 */
export async function rememberSources(dir: string, sourceKey: string, key: string): Promise<void> {
  await writeFileAtomic(path.join(dir, `${sourceKey}.sources`), Buffer.from(key)).catch(
    () => undefined,
  );
}

/** Whether sources with this hash were formatted before, and their result is still stored. */
export function knownSources(dir: string, sourceKey: string): boolean {
  try {
    const key = readFileSync(path.join(dir, `${sourceKey}.sources`), 'utf8');
    return /^[0-9a-f]+$/.test(key) && existsSync(path.join(dir, `${key}.json`));
  } catch {
    return false;
  }
}

async function prune(dir: string): Promise<void> {
  const names = await readdir(dir);
  const times = new Map(
    await Promise.all(
      names.map(async (name) => [name, (await stat(path.join(dir, name))).mtimeMs] as const),
    ),
  );
  // Temporary files left by a process that was killed while writing.
  const hourAgo = Date.now() - 3_600_000;
  const stale = names.filter((name) => name.endsWith('.tmp') && times.get(name)! < hourAgo);
  const surplus = ['.json', '.sources'].flatMap((extension) =>
    names
      .filter((name) => name.endsWith(extension))
      .sort((a, b) => times.get(b)! - times.get(a)!)
      .slice(keep),
  );
  await Promise.all(
    [...stale, ...surplus].map((name) => rm(path.join(dir, name), { force: true })),
  );
}

let version: string | undefined | null = null;

/** Hash of the code that decides formatted output: ours, and the versions of citeproc and citation-js. */
function codeVersion(): string | undefined {
  if (version !== null) return version;
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const sources = ['format-document.ts', 'engines.ts', 'citeproc-speedups.ts'].map((name) =>
      readFileSync(path.join(here, name), 'utf8'),
    );
    const local = createRequire(import.meta.url);
    const plugin = createRequire(local.resolve('@citation-js/plugin-csl'));
    // citeproc formats; plugin-csl brings the built-in styles and locales (whose XML is in the
    // key anyway) and core converts nothing at this stage, but a new version of any of them is
    // a reason to format afresh.
    const versions = [
      plugin('citeproc/package.json'),
      plugin('../package.json'),
      local(local.resolve('@citation-js/core').replace(/lib[\\/].*$/, 'package.json')),
    ].map((json) => (json as { version: string }).version);
    version = hash(...versions, ...sources);
  } catch {
    version = undefined;
  }
  return version;
}
