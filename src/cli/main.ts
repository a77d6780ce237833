import { runBuild } from './commands/build.ts';
import { runCheck } from './commands/check.ts';
import { runConsult } from './commands/consult.ts';
import { runPdf } from './commands/pdf.ts';
import { runRelease } from './commands/release.ts';
import { runVerifyRelease } from './commands/verify-release.ts';
import { parseCommandLine, usage, type CommandOptions } from './parse-args.ts';
import { createOutput, type Output } from './output.ts';
import { describeInternalError } from './internal-error.ts';

/** Commands by name; each returns the process exit code. */
const commands: Record<string, (options: CommandOptions, output: Output) => Promise<number>> = {
  check: runCheck,
  build: runBuild,
  pdf: runPdf,
  release: runRelease,
  'verify-release': runVerifyRelease,
  consult: runConsult,
};

/**
 * Run the CLI: parse arguments, dispatch, turn any unexpected failure into a message and exit
 * code 2 (content problems are exit code 1, reported by the commands).
 */
export async function main(
  argv: readonly string[],
  output: Output = createOutput(),
): Promise<number> {
  let options: CommandOptions;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    output.error(`srida: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  // `consult` has its own help (`srida consult --help`).
  if ((options.help && options.command !== 'consult') || options.command === 'help') {
    output.info(usage);
    return 0;
  }
  const command = commands[options.command];
  if (!command) {
    output.error(`srida: unknown command \`${options.command}\`\n\n${usage}`);
    return 2;
  }
  try {
    return await command(options, output);
  } catch (error) {
    const debug = options.debug || process.env.SRIDA_DEBUG === '1';
    output.error(await describeInternalError(options.command, error, debug));
    return 2;
  }
}
