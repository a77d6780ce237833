import { isTransient } from './errors.ts';

export interface RetryOptions {
  /** Extra attempts after the first. Default: `1`. */
  retries?: number;
  /** Whether an error is worth another attempt. Default: {@link isTransient}. */
  shouldRetry?: (error: unknown) => boolean;
  /** Called before each retry with the error that caused it. */
  onRetry?: (error: unknown, attempt: number) => void | Promise<void>;
  /** No retry once aborted. */
  signal?: AbortSignal;
}

/**
 * Run `task`; if it fails with a transient error (a browser crash, a timeout), run it once
 * more, then give up with the last error. Errors in the content are not retried.
 */
export async function withRetry<T>(
  task: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const retries = options.retries ?? 1;
  const shouldRetry = options.shouldRetry ?? isTransient;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      if (attempt > retries || options.signal?.aborted || !shouldRetry(error)) throw error;
      await options.onRetry?.(error, attempt);
    }
  }
}
