/**
 * A worker thread that formats documents (see format-pool.ts): it keeps citation-js and its
 * engines warm between jobs. Messages in: `{ id, kind: 'warm' | 'format', job, styles, locales }`;
 * out: `{ id, result }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { formatDocument, type FormatJob } from './format-document.ts';

/** A message from the pool. */
export interface WorkerRequest {
  id: number;
  /** `warm` builds the engine of the job's style and locale ahead of the real job. */
  kind: 'warm' | 'format';
  job: FormatJob;
  /** Style and locale XML the worker may not know yet (custom ones), by name. */
  styles: Record<string, string>;
  locales: Record<string, string>;
}

const csl = plugins.config.get('@csl');

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    for (const [name, xml] of Object.entries(request.styles))
      if (csl.styles.get(name) !== xml) csl.styles.set(name, xml);
    for (const [name, xml] of Object.entries(request.locales))
      if (csl.locales.get(name) !== xml) csl.locales.set(name, xml);
    const result = formatDocument(request.job);
    parentPort!.postMessage({
      id: request.id,
      result: request.kind === 'format' ? result : undefined,
    });
  } catch (error) {
    parentPort!.postMessage({
      id: request.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
