import type { CommandOptions } from '../parse-args.ts';
import type { Output } from '../output.ts';

/** Placeholder, replaced below. */
export async function runConsultImport(_options: CommandOptions, output: Output): Promise<number> {
  output.error('not yet');
  return 2;
}
