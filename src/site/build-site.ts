import { createHash } from 'node:crypto';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReleaseContext } from '../release/context.ts';
import { removeStaleProfiles } from '../util/browser-profiles.ts';
import { pidAlive } from '../util/pid-alive.ts';
import type { Timings } from '../util/timings.ts';
import { runAstroBuild } from './astro-build.ts';
import { buildMarker, checkOutputFolder } from './output-folder.ts';
import { toolRoot } from './tool-root.ts';
import { buildSearchIndex, type SearchIndexStats } from './search-index.ts';

export interface BuildSiteOptions {
  /** Content root (holds chapters/, bibliography/, roadmap/). */
  root: string;
  /** Final output folder. */
  out: string;
  quiet?: boolean;
  /** The release being built (`srida release`, `verify-release`); none for an ordinary build. */
  release?: ReleaseContext;
  /** "Now" of the build (default: the clock); a release passes its date. */
  now?: Date;
  /** The Astro cache folder (default: one per content root and output, under node_modules). */
  cacheDir?: string;
  /** The public address of the site (default: the placeholder of astro-config.ts). */
  siteUrl?: string;
  /** Records the time of the Astro build and of `beforeSwap` (`--timings`). */
  timings?: Timings;
  /**
   * Runs on the finished build before it replaces `out` (e.g. printing the PDFs into it); if it
   * throws, the build is discarded and `out` stays as it was.
   */
  beforeSwap?: (dir: string) => Promise<void>;
}

/** The output folder may not be used (overlaps the content, or is not a build); nothing was touched. */
export class OutputRefused extends Error {
  readonly hint: string;
  constructor(reason: string, hint: string) {
    super(reason);
    this.hint = hint;
  }
}

/**
 * Build the static site with Astro into a staging folder beside `out` (`<out>.partial-<pid>`),
 * let `beforeSwap` add to it (the PDFs), mark it as a build ({@link buildMarker}), then swap it
 * in, so a failed build or print never leaves a half-written site where the last good one was.
 * Refuses (throws {@link OutputRefused}, touching nothing) an `out` that overlaps the content or
 * was not made by a build. Staging folders of killed builds beside `out` and browser profiles of
 * killed prints are removed first.
 */
export async function buildSite(
  options: BuildSiteOptions,
): Promise<{ out: string; pages: number; search: SearchIndexStats }> {
  const checked = checkOutputFolder(options.root, options.out);
  if (!checked.ok) throw new OutputRefused(checked.reason, checked.hint);
  const out = checked.out;
  await removeStaleStaging(out);
  await removeStaleProfiles();
  const partial = `${out}.partial-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  const root = path.resolve(options.root);
  const time = <T>(name: string, run: () => T): T =>
    options.timings ? options.timings.time(name, run) : run();
  let search: SearchIndexStats;
  try {
    await time('site: Astro build (assembles again in its content loader)', () =>
      runAstroBuild({
        root,
        outDir: partial,
        // Astro keeps its content store in the cache folder: one per content root and output, so
        // that builds running at the same time (tests, releases) never read each other's documents.
        cacheDir:
          options.cacheDir ??
          path.join(
            toolRoot,
            'node_modules/.astro',
            `srida-${createHash('sha256').update(`${options.root}\0${out}`).digest('hex').slice(0, 12)}`,
          ),
        quiet: options.quiet,
        release: options.release,
        now: options.now,
        siteUrl: options.siteUrl,
      }),
    );
    search = await time('site: search index (Pagefind)', () => buildSearchIndex(partial));
    if (options.beforeSwap) await time('after the site (PDFs)', () => options.beforeSwap!(partial));
    await writeFile(
      path.join(partial, buildMarker),
      'Built by `srida build`; replaced by the next build.\n',
    );
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  await swapIn(partial, out, old);
  return { out, pages: await countPages(out), search };
}

/**
 * Move the finished build to `out`, the previous one aside and then away. Another build that
 * finishes at the same moment may put its site at `out` between the two renames: then move that
 * one aside too and try again, so the last build to finish wins and `out` is always one whole
 * site.
 */
async function swapIn(partial: string, out: string, old: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const hadOld = await rename(out, old).then(
      () => true,
      () => false,
    );
    try {
      await rename(partial, out);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt < 10 && (code === 'ENOTEMPTY' || code === 'EEXIST')) {
        if (hadOld) await rm(old, { recursive: true, force: true });
        continue;
      }
      throw error;
    }
    if (hadOld) await rm(old, { recursive: true, force: true });
    return;
  }
}

/** Remove `<out>.partial-<pid>` and `<out>.old-<pid>` folders whose build is no longer running. */
async function removeStaleStaging(out: string): Promise<void> {
  const dir = path.dirname(out);
  const names = await readdir(dir).catch(() => [] as string[]);
  const pattern = new RegExp(`^${escapeRegExp(path.basename(out))}\\.(?:partial|old)-(\\d+)$`);
  for (const name of names) {
    const pid = pattern.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !pidAlive(Number(pid)))
      await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((name) => String(name).endsWith('.html')).length;
}
