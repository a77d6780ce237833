/** One measured step: its name and the wall time spent in it, summed over its runs. */
export interface Timing {
  name: string;
  ms: number;
  /** How many times the step ran (a hook runs once per chapter or per document). */
  runs: number;
}

/**
 * Wall time per named step, for `--timings`. Steps keep the order in which they first ran;
 * a step that runs several times (a stage's hook per chapter) is summed. Steps may overlap
 * (a stage's `load` runs while the project is read), so the rows do not add up to the total.
 */
export class Timings {
  readonly #steps = new Map<string, Timing>();

  add(name: string, ms: number): void {
    const step = this.#steps.get(name);
    if (step) {
      step.ms += ms;
      step.runs += 1;
    } else this.#steps.set(name, { name, ms, runs: 1 });
  }

  /** Time `run`, synchronous or not; the time is recorded even when it throws. */
  time<T>(name: string, run: () => T): T {
    const started = performance.now();
    let result: T;
    try {
      result = run();
    } catch (error) {
      this.add(name, performance.now() - started);
      throw error;
    }
    if (result instanceof Promise) {
      return result.finally(() => this.add(name, performance.now() - started)) as T;
    }
    this.add(name, performance.now() - started);
    return result;
  }

  get steps(): readonly Timing[] {
    return [...this.#steps.values()];
  }
}

/** The steps as an aligned table, one line per step (for the CLI to print). */
export function formatTimings(steps: readonly Timing[]): string[] {
  const width = Math.max(...steps.map((step) => step.name.length), 4);
  return steps.map((step) => {
    const ms = step.ms >= 1000 ? `${(step.ms / 1000).toFixed(2)} s` : `${Math.round(step.ms)} ms`;
    const runs = step.runs > 1 ? `  (${step.runs} runs)` : '';
    return `  ${step.name.padEnd(width)}  ${ms.padStart(9)}${runs}`;
  });
}
