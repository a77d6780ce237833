import type { CommandOptions } from '../parse-args.ts';
import type { Output } from '../output.ts';
import { runCheck } from './check.ts';
import { buildSite } from '../../site/build-site.ts';

/** `srida build`: check, then build the site into `--out` (never half: see buildSite). */
export async function runBuild(options: CommandOptions, output: Output): Promise<number> {
  const checked = await runCheck({ ...options, strict: false }, output);
  if (checked !== 0) {
    output.error('srida build: not building because `srida check` found errors.');
    return checked;
  }
  const started = performance.now();
  const result = await buildSite({ root: options.root, out: options.out, quiet: options.quiet });
  output.info(`srida build: site written to ${result.out} (${result.pages} pages, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return 0;
}
