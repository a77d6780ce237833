/**
 * A request the server refuses, with the status and a sentence for the person who sent it.
 * Thrown by the body readers and caught by the server, which answers with a page.
 */
export class HttpError extends Error {
  readonly status: number;
  /** Extra response headers (e.g. `Retry-After`, `Allow`). */
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.headers = headers;
  }
}
