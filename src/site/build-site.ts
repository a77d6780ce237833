import { createHash } from 'node:crypto';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReleaseContext } from '../release/context.ts';
import type { Timings } from '../util/timings.ts';
import { astroConfig } from './astro-config.ts';

/** The folder of this tool (where astro.config.mjs and src/pages live). */
export const toolRoot = fileURLToPath(new URL('../../', import.meta.url));

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

/**
 * Build the static site with Astro into a temporary folder beside `out`, let `beforeSwap` add
 * to it (the PDFs), then swap it in, so a failed build or print never leaves a half-written
 * site where the last good one was.
 */
export async function buildSite(
  options: BuildSiteOptions,
): Promise<{ out: string; pages: number }> {
  const out = path.resolve(options.out);
  const partial = `${out}.partial-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  const root = path.resolve(options.root);
  const time = <T>(name: string, run: () => T): T =>
    options.timings ? options.timings.time(name, run) : run();
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
    if (options.beforeSwap) await time('after the site (PDFs)', () => options.beforeSwap!(partial));
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  const hadOld = await rename(out, old).then(
    () => true,
    () => false,
  );
  await rename(partial, out);
  if (hadOld) await rm(old, { recursive: true, force: true });
  return { out, pages: await countPages(out) };
}

export interface AstroBuildOptions {
  root: string;
  outDir: string;
  cacheDir: string;
  quiet?: boolean;
  release?: ReleaseContext;
  now?: Date;
  siteUrl?: string;
}

/**
 * Run Astro's build with the site's configuration given inline (astro.config.mjs is not read,
 * and nothing is passed through the environment), so that each build sees its own options.
 */
export async function runAstroBuild(options: AstroBuildOptions): Promise<void> {
  const { build } = await import('astro');
  const config = astroConfig(
    {
      root: options.root,
      ...(options.release ? { release: options.release } : {}),
      now: options.now ?? new Date(),
    },
    options.siteUrl,
  );
  await build({
    ...config,
    configFile: false,
    root: toolRoot,
    outDir: options.outDir,
    cacheDir: options.cacheDir,
    logLevel: options.quiet ? 'error' : 'warn',
    mode: 'production',
  });
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((name) => String(name).endsWith('.html')).length;
}
