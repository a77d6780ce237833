import type { CommandOptions } from '../parse-args.ts';
import type { Output } from '../output.ts';
import { runConsultCheck } from './consult-check.ts';
import { consultUsage } from './consult-help.ts';
import { runConsultImport } from './consult-import.ts';
import { runConsultServe } from './consult-serve.ts';

/** `srida consult serve|import|check …`: the public consultation (docs/consultation.md). */
export async function runConsult(options: CommandOptions, output: Output): Promise<number> {
  const [sub, ...rest] = options.positionals;
  if (options.help || sub === 'help') {
    output.info(consultUsage);
    return 0;
  }
  if (sub === 'serve') return runConsultServe({ ...options, positionals: rest }, output);
  if (sub === 'import') return runConsultImport({ ...options, positionals: rest }, output);
  if (sub === 'check') return runConsultCheck({ ...options, positionals: rest }, output);
  output.error(
    `srida consult: ${sub ? `unknown subcommand \`${sub}\`` : 'name a subcommand: `serve`, `import` or `check`'}\n\n${consultUsage}`,
  );
  return 2;
}
