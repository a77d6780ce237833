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
 * The site's options, read from the environment that `srida build`/`release` set for the Astro
 * build (`SRIDA_ROOT`, `SRIDA_RELEASE`, `SOURCE_DATE_EPOCH`). The one place the site reads them.
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
