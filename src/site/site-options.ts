import path from 'node:path';
import { readReleaseContext, type ReleaseContext } from '../release/context.ts';

/** What the site build needs to know beyond the content: where it is, and what is being built. */
export interface SiteOptions {
  /** Absolute content root. */
  root: string;
  /** The release being built (`srida release`, `verify-release`), if any. */
  release?: ReleaseContext;
  /** "Now" of the build: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the clock. */
  now: Date;
}

/**
 * The site's options from the environment, for the one entry point that has nothing else:
 * `astro dev`/`astro build` run directly read `astro.config.mjs`, which calls this once
 * (`SRIDA_ROOT`, `SRIDA_RELEASE`, `SOURCE_DATE_EPOCH`). `srida build` and `srida release` pass
 * their options to Astro as an inline configuration instead (src/site/astro-config.ts).
 */
export function siteOptionsFromEnv(
  env: Record<string, string | undefined> = process.env,
): SiteOptions {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return {
    root: path.resolve(env.SRIDA_ROOT ?? process.cwd()),
    release: readReleaseContext(env),
    now: Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date(),
  };
}

/** The options as JSON-safe data, for the `virtual:srida/options` module. */
export interface SerialisedSiteOptions {
  root: string;
  release?: ReleaseContext;
  now: string;
}

export function serialiseSiteOptions(options: SiteOptions): SerialisedSiteOptions {
  return {
    root: options.root,
    ...(options.release ? { release: options.release } : {}),
    now: options.now.toISOString(),
  };
}

export function deserialiseSiteOptions(data: SerialisedSiteOptions): SiteOptions {
  return {
    root: data.root,
    ...(data.release ? { release: data.release } : {}),
    now: new Date(data.now),
  };
}
