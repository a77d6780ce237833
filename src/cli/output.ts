/** Where the CLI writes; tests pass their own to capture it. The only place that prints. */
export interface Output {
  info(text: string): void;
  error(text: string): void;
}

/** Output to the terminal (stdout for results, stderr for problems). */
export function createOutput(): Output {
  return {
    info: (text) => process.stdout.write(`${text}\n`),
    error: (text) => process.stderr.write(`${text}\n`),
  };
}
