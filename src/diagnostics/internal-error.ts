/**
 * An unexpected exception (a bug in the tool, not a problem in the content) together with the
 * file that was being processed when it happened. The CLI reports it as an internal error naming
 * the file, and shows the stack only when asked (`--debug`, `SRIDA_DEBUG=1`).
 */
export class InternalError extends Error {
  /** The file being processed (relative to the content root where known). */
  readonly file: string;
  constructor(file: string, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'InternalError';
    this.file = file;
  }
}

/**
 * Run `work` (sync or async) and tag any exception it throws with `file`, unless it is already
 * tagged with a more precise one.
 */
export function whileProcessing<T>(file: string, work: () => T): T {
  const tag = (error: unknown): never => {
    throw error instanceof InternalError ? error : new InternalError(file, error);
  };
  try {
    const result = work();
    return result instanceof Promise ? (result.catch(tag) as T) : result;
  } catch (error) {
    return tag(error);
  }
}

/** The innermost non-internal cause of an error, for its real stack and type. */
export function originalError(error: unknown): unknown {
  let current = error;
  while (current instanceof InternalError && current.cause !== undefined) current = current.cause;
  return current;
}
