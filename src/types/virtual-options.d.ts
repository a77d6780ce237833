declare module 'virtual:srida/options' {
  import type { SerialisedSiteOptions } from '../site/site-options.ts';
  /** The options of the running build; served by src/site/options-module.ts. */
  const options: SerialisedSiteOptions;
  export default options;
}
