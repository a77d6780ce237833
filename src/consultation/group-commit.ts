/**
 * Group commit: requests that arrive while the event loop is busy are stored in one
 * transaction. Each caller gets a promise that settles after the transaction holding its item
 * committed (or failed, for all of its batch), so nothing is acknowledged before it is on disk.
 * While one batch is being written (SQLite's fsync blocks the loop), the next requests wait in
 * the socket buffers and form the next batch, so batches grow exactly when the disk is the
 * bottleneck.
 */

/** Queue items for `commit`, which stores a whole batch at once. */
export function groupCommit<T, R>(
  commit: (batch: readonly T[]) => R[],
  maxBatch = 500,
): (item: T) => Promise<R> {
  const pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = pending.splice(0, maxBatch);
    if (pending.length > 0) schedule();
    try {
      const results = commit(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // After the I/O callbacks of this turn of the loop: every request already read joins in.
    setImmediate(flush);
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      schedule();
    });
}
