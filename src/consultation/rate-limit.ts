/**
 * Per-client rate limiting with token buckets: each client has a bucket of `capacity` tokens
 * that refills at `perHour` tokens an hour; a request takes one token or is refused with the
 * seconds until the next one. The buckets live in the server object that creates the limiter
 * (no module state), and full buckets are forgotten, so memory stays bounded by the clients
 * that are actually sending.
 */

export interface RateLimitOptions {
  /** Tokens a bucket holds: the burst a client may send at once. */
  capacity: number;
  /** Tokens added an hour; 0 turns the limiter off. */
  perHour: number;
  /** The clock (ms), for tests. Default: `Date.now`. */
  now?: () => number;
  /** Forget full buckets once this many clients are tracked (default 10,000). */
  maxTracked?: number;
}

export interface RateLimiter {
  /** Take a token for `key`: `{ ok: true }`, or how many seconds to wait. */
  take(key: string): { ok: true } | { ok: false; retryAfter: number };
  /** Seconds until `key` has a token again (0 when it has one now); takes nothing. */
  wait(key: string): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Create a token-bucket limiter. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const maxTracked = options.maxTracked ?? 10_000;
  const perMs = options.perHour / 3_600_000;
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(options.capacity, bucket.tokens + Math.max(0, at - bucket.at) * perMs);
    bucket.at = at;
  };
  const secondsUntilToken = (bucket: Bucket) =>
    Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  return {
    take(key) {
      if (options.perHour <= 0 || options.capacity <= 0) return { ok: true };
      const at = now();
      if (buckets.size >= maxTracked) {
        for (const [other, bucket] of buckets) {
          refill(bucket, at);
          if (bucket.tokens >= options.capacity) buckets.delete(other);
        }
      }
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { tokens: options.capacity, at };
        buckets.set(key, bucket);
      }
      refill(bucket, at);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfter: secondsUntilToken(bucket) };
    },
    wait(key) {
      if (options.perHour <= 0 || options.capacity <= 0) return 0;
      const bucket = buckets.get(key);
      if (!bucket) return 0;
      refill(bucket, now());
      return bucket.tokens >= 1 ? 0 : secondsUntilToken(bucket);
    },
  };
}
