import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { hash, Lru, processWide } from './cache.ts';
import { diskKey, readResult, rememberSources, writeResult } from './disk-cache.ts';
import { formatDocument, type FormatJob, type FormatResult } from './format-document.ts';
import type { WorkerRequest } from './format-worker.ts';
import { builtInStyles } from './styles.ts';

const results = processWide('format-results', () => new Lru<Promise<FormatResult>>(8));
const builtInLocales = new Set(['en-US', 'de-DE', 'fr-FR', 'nl-NL', 'es-ES']);

/** Bibliographies from this size up are formatted in worker threads (see {@link useWorkers}). */
const workerThreshold = 150;

/**
 * Whether to format in worker threads: for large bibliographies on a machine with three cores
 * or more (then the documents format side by side, each on its own core, while the main thread
 * parses Markdown on a third). Each worker costs its own copy of citation-js and of the style's
 * engine (the figures are in docs/citations.md). On two cores the main thread, two workers and V8's own
 * background threads share two cores, and the benchmark measured workers as a small gain
 * (APA, large) or a loss (Vancouver, or a smaller bibliography): docs/citations.md. `SRIDA_CITATION_WORKERS=0` switches workers off, `=N` forces N workers
 * whatever the size and the cores.
 *
 * @param entries number of entries in the bibliography.
 */
export function useWorkers(entries: number): boolean {
  const setting = process.env.SRIDA_CITATION_WORKERS;
  if (setting !== undefined) return Number(setting) >= 1;
  return entries >= workerThreshold && availableParallelism() >= 3;
}

/**
 * Format a document's citations, or return the result of an identical earlier job: in
 * `astro dev` an edit that changes no citation (most edits) costs no formatting at all. With
 * `cacheDir`, results are also kept on disk for later processes (see disk-cache.ts).
 *
 * @param job what to format.
 * @param options `documentId`: which document the job is for (a document keeps its worker,
 *   whose engine is warm); `workers`: run in a worker thread (default: false); `cacheDir`:
 *   also keep results on disk there, for later processes (see disk-cache.ts); `sourceKey`:
 *   the hash of the document's sources, remembered with the result.
 */
export function formatCached(
  job: FormatJob,
  options: { documentId?: string; workers?: boolean; cacheDir?: string; sourceKey?: string } = {},
): Promise<FormatResult> {
  const items = JSON.stringify(job.items);
  const clusters = JSON.stringify(job.clusters);
  const key = hash(job.style, job.locale, items, clusters);
  const cached = results.get(key);
  if (cached) return cached;
  const { cacheDir, sourceKey } = options;
  const csl = plugins.config.get('@csl');
  const fileKey = cacheDir
    ? diskKey(
        String(csl.styles.get(job.style) ?? job.style),
        String(csl.locales.get(job.locale) ?? job.locale),
        items,
        clusters,
      )
    : undefined;
  const stored = cacheDir && fileKey ? readResult(cacheDir, fileKey) : undefined;
  let promise: Promise<FormatResult>;
  if (stored) {
    promise = Promise.resolve(stored);
  } else {
    const workers = options.workers ? pool() : undefined;
    // The other workers build this engine meanwhile: the next document probably needs it too.
    workers?.warmOthers(job, options.documentId ?? '');
    promise = workers
      ? workers.run('format', job, options.documentId ?? '').catch(() => formatDocument(job))
      : Promise.resolve().then(() => formatDocument(job));
  }
  if (cacheDir && fileKey) {
    promise = promise.then(async (result) => {
      if (!stored) await writeResult(cacheDir, fileKey, result);
      if (sourceKey) await rememberSources(cacheDir, sourceKey, fileKey);
      return result;
    });
  }
  results.set(key, promise);
  // A failure is not cached: the next assembly tries again.
  promise.catch(() => results.delete(key));
  return promise;
}

/**
 * Build the engine a document will need ahead of its job (in its worker, while the main
 * thread parses Markdown). Does nothing without workers.
 */
export function warmUp(style: string, locale: string, documentId: string): void {
  const workers = pool();
  if (!workers) return;
  const job: FormatJob = {
    style,
    locale,
    items: [warmItem],
    clusters: [{ mode: 'normal', items: [{ id: warmItem.id }] }],
  };
  // The document's own worker, and every other worker that has not built this engine yet
  // (documents usually share a style, and the next document's worker can start now).
  workers.run('warm', job, documentId).catch(() => undefined);
  workers.warmOthers(job, documentId);
}

/** How many worker threads are running (0 when jobs run in this thread). */
export function workerCount(): number {
  return state.pool && !state.pool.broken ? state.pool.size : 0;
}

/** Forget formatted results (for benchmarks and tests that need a cold start). */
export function clearFormatCache(): void {
  results.clear();
}

const warmItem = {
  id: 'warm-up',
  type: 'book',
  title: 'Warm-up',
  author: [{ family: 'Doe', given: 'Jane' }],
  issued: { 'date-parts': [[2020]] },
};

/** Which engine a job needs: its style and locale. */
function engineKey(job: FormatJob): string {
  return `${job.style}\u0000${job.locale}`;
}

/** A worker, its jobs under way, and the engines (style and locale) it has been asked to build. */
interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (value: FormatResult) => void; reject: (error: Error) => void }>;
  warmed: Set<string>;
}

/** A few worker threads, kept across assemblies (idle ones do not keep the process alive). */
class Pool {
  readonly #workers: Slot[] = [];
  readonly #assigned = new Map<string, number>();
  #nextId = 0;
  #broken = false;

  /** Start `size` workers; they load citation-js at once. */
  constructor(size: number) {
    const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'format-worker.ts');
    for (let index = 0; index < size; index++) {
      // A bigger young generation: citeproc allocates many short-lived objects.
      const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      const slot: Slot = { worker, pending: new Map(), warmed: new Set() };
      worker.unref();
      worker.on('message', (message: { id: number; result?: FormatResult; error?: string }) => {
        const waiting = slot.pending.get(message.id);
        slot.pending.delete(message.id);
        if (slot.pending.size === 0) worker.unref();
        if (message.error !== undefined) waiting?.reject(new Error(message.error));
        else waiting?.resolve(message.result!);
      });
      const fail = (error: Error) => {
        this.#broken = true;
        for (const waiting of slot.pending.values()) waiting.reject(error);
        slot.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', () => fail(new Error('citation worker exited')));
      this.#workers.push(slot);
    }
  }

  /** Whether a worker failed (then jobs run in the main thread). */
  get broken(): boolean {
    return this.#broken;
  }

  /** Number of workers. */
  get size(): number {
    return this.#workers.length;
  }

  /** Warm every worker other than the document's with the job's engine, once per style and locale. */
  warmOthers(job: FormatJob, documentId: string): void {
    const own = this.#index(documentId);
    const key = engineKey(job);
    this.#workers.forEach((slot, index) => {
      if (index === own || slot.warmed.has(key)) return;
      slot.warmed.add(key);
      this.#post(slot, 'warm', job).catch(() => undefined);
    });
  }

  /** The worker a document's jobs go to (the same one every time: its engine is warm). */
  #index(documentId: string): number {
    let index = this.#assigned.get(documentId);
    if (index === undefined) {
      index = this.#assigned.size % this.#workers.length;
      this.#assigned.set(documentId, index);
    }
    return index;
  }

  /** Send a job to the worker of its document (with any custom style or locale it needs). */
  run(kind: WorkerRequest['kind'], job: FormatJob, documentId: string): Promise<FormatResult> {
    const slot = this.#workers[this.#index(documentId)]!;
    slot.warmed.add(engineKey(job));
    return this.#post(slot, kind, job);
  }

  #post(slot: Slot, kind: WorkerRequest['kind'], job: FormatJob): Promise<FormatResult> {
    const id = this.#nextId++;
    const request: WorkerRequest = { id, kind, job, styles: {}, locales: {} };
    const csl = plugins.config.get('@csl');
    if (!(builtInStyles as readonly string[]).includes(job.style))
      request.styles[job.style] = csl.styles.get(job.style);
    if (!builtInLocales.has(job.locale)) request.locales[job.locale] = csl.locales.get(job.locale);
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage(request);
    });
  }
}

const state = processWide('format-pool', () => ({
  pool: undefined as Pool | undefined,
  disabled: false,
}));

/**
 * The shared pool, or undefined when jobs should run in this thread: workers switched off
 * (`SRIDA_CITATION_WORKERS=0`), or a worker failed to start (e.g. a bundler moved this file
 * away from format-worker.ts).
 */
function pool(): Pool | undefined {
  if (state.disabled) return undefined;
  if (state.pool?.broken) {
    state.disabled = true;
    return undefined;
  }
  if (state.pool) return state.pool;
  const setting = process.env.SRIDA_CITATION_WORKERS;
  const size =
    setting === undefined ? Math.min(2, availableParallelism()) : Math.min(Number(setting), 8);
  if (!(size >= 1)) {
    state.disabled = true;
    return undefined;
  }
  try {
    state.pool = new Pool(size);
  } catch {
    state.disabled = true;
  }
  return state.pool;
}
