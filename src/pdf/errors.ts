/**
 * A problem the user can act on (no browser, site not built, a blocked request, a page error):
 * a short message and a hint. The CLI prints both; anything else is a bug and gets a stack.
 */
export class PdfError extends Error {
  readonly hint?: string;
  /** Each problem found while printing (blocked requests, page and console errors). */
  readonly problems: readonly string[];

  constructor(message: string, hint?: string, problems: readonly string[] = []) {
    super(
      problems.length > 0 ? `${message}:\n${problems.map((p) => `  - ${p}`).join('\n')}` : message,
    );
    this.name = 'PdfError';
    this.hint = hint;
    this.problems = problems;
  }
}

/**
 * Whether an error is worth one more try: the browser crashed, hung or dropped the connection.
 * Problems in the page itself (blocked requests, script errors) would fail again the same way.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof PdfError) return false;
  if (!(error instanceof Error)) return false;
  if (
    error.name === 'TimeoutError' ||
    error.name === 'TargetCloseError' ||
    error.name === 'ProtocolError'
  )
    return true;
  return /Target closed|Session closed|Connection closed|Navigating frame was detached|crashed|browser has disconnected|Protocol error/i.test(
    error.message,
  );
}
