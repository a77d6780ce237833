import options from 'virtual:srida/options';
import { deserialiseSiteOptions, type SiteOptions } from './site-options.ts';

let cached: SiteOptions | undefined;

/** The options of the build that this code runs in (content loader, pages). */
export function buildOptions(): SiteOptions {
  cached ??= deserialiseSiteOptions(options);
  return cached;
}
