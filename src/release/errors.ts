/**
 * A release that cannot be made or verified, for a reason the user can fix: the CLI prints the
 * message, the details (one per line) and the hint, and exits 1. Nothing was changed.
 */
export class ReleaseRefusal extends Error {
  readonly hint?: string;
  readonly details: readonly string[];
  constructor(message: string, hint?: string, details: readonly string[] = []) {
    super(message);
    this.name = 'ReleaseRefusal';
    this.hint = hint;
    this.details = details;
  }
}
