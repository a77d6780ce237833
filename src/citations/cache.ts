import { createHash } from 'node:crypto';

/**
 * A small least-recently-used map. Parse and format results live in module scope so that
 * `astro dev`, which re-runs the whole assembly on every edit, re-parses only what changed;
 * the bound keeps a long dev session from growing without limit.
 */
export class Lru<V> {
  readonly #map = new Map<string, V>();
  readonly #limit: number;

  /** @param limit how many values to keep (default: 64). */
  constructor(limit = 64) {
    this.#limit = limit;
  }

  /** The value for `key` (it becomes the most recently used). */
  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  /** Store a value, dropping the least recently used beyond the limit. */
  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#limit) this.#map.delete(this.#map.keys().next().value!);
  }

  /** The cached value, or `make()`'s, cached. */
  getOrSet(key: string, make: () => V): V {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = make();
    this.set(key, value);
    return value;
  }

  /** Forget one value. */
  delete(key: string): void {
    this.#map.delete(key);
  }

  /** Forget everything. */
  clear(): void {
    this.#map.clear();
  }

  /** How many values are kept. */
  get size(): number {
    return this.#map.size;
  }
}

/** Content hash used as cache key. */
export function hash(...parts: string[]): string {
  const digest = createHash('sha1');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex');
}

/**
 * One value per process, whatever module instance asks: Astro's build loads this code through
 * Vite, next to the copy the CLI loaded for `srida check`, and both should share one cache (and
 * one worker pool) rather than format everything twice.
 *
 * @param name a unique name.
 * @param make makes the value the first time.
 */
export function processWide<T>(name: string, make: () => T): T {
  const registry = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for(`srida.citations.${name}`);
  if (!(key in registry)) registry[key] = make();
  return registry[key] as T;
}
