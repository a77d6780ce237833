import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleProject } from '../../src/assemble/assemble-project.ts';
import { main } from '../../src/cli/main.ts';
import { printTimer } from '../../src/cli/print-timings.ts';
import { projectStages } from '../../src/stages.ts';
import { formatTimings, Timings } from '../../src/util/timings.ts';

const fixture = path.resolve('tests/fixtures/basic');

describe('--timings', () => {
  it('records each phase of the assembly and each hook of each stage, with run counts', async () => {
    const timings = new Timings();
    const plain = await assembleProject(fixture, { extensions: projectStages() });
    const timed = await assembleProject(fixture, { extensions: projectStages(), timings });
    const names = timings.steps.map((step) => step.name);
    for (const phase of ['read the project', 'parse and number', 'resolve and render'])
      expect(names).toContain(`assembly: ${phase}`);
    for (const stage of ['glossary', 'citations', 'roadmap', 'releases'])
      expect(names).toContain(`stage ${stage}: load`);
    // `parsed` runs once per chapter: the fixture has four.
    expect(timings.steps.find((s) => s.name === 'stage citations: parsed')?.runs).toBe(4);
    expect(timings.steps.find((s) => s.name === 'stage citations: document')?.runs).toBe(2);
    for (const step of timings.steps) expect(step.ms).toBeGreaterThanOrEqual(0);
    // Timing changes nothing in the result.
    expect(timed.documents.map((d) => d.chapters.map((c) => c.html))).toEqual(
      plain.documents.map((d) => d.chapters.map((c) => c.html)),
    );
  });

  it('sums repeated steps, times a step that throws, and formats an aligned table', async () => {
    const timings = new Timings();
    timings.add('a', 5);
    timings.add('a', 7);
    await expect(
      timings.time('failing', async () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(timings.steps.map((s) => [s.name, s.runs])).toEqual([
      ['a', 2],
      ['failing', 1],
    ]);
    expect(timings.steps[0]!.ms).toBe(12);
    expect(formatTimings(timings.steps)[0]).toBe('  a            12 ms  (2 runs)');
  });

  it('srida check --timings prints the table after the summary', async () => {
    const out: string[] = [];
    const code = await main(['check', '--root', fixture, '--timings'], {
      info: (t) => out.push(t),
      error: (t) => out.push(t),
    });
    expect(code).toBe(0);
    const header = out.findIndex((line) => line.startsWith('Where the time went'));
    expect(header).toBe(1);
    expect(out[0]).toMatch(/^srida check: /);
    expect(out.slice(header + 1).some((l) => /^ {2}assembly: parse and number +\d/.test(l))).toBe(
      true,
    );
    expect(out.at(-1)).toMatch(/^ {2}total +\d+\.\d\d s$/);
  });

  it("turns the printer's progress into steps per document", () => {
    const timings = new Timings();
    const on = printTimer(timings);
    on({ document: '*', stage: 'launch', browser: 'Chromium' });
    on({ document: 'a', stage: 'load' });
    on({ document: 'a', stage: 'pass', pass: 1 });
    on({ document: 'a', stage: 'printed', pass: 1, pages: 10 });
    on({ document: 'a', stage: 'pass', pass: 2 });
    on({ document: 'a', stage: 'printed', pass: 2, pages: 10 });
    on({ document: 'a', stage: 'written', file: 'a.pdf', pages: 10, passes: 2, ms: 1 });
    expect(timings.steps.map((s) => s.name)).toEqual([
      'pdf: start the browser',
      'pdf a: load the print edition',
      'pdf a: print 1',
      'pdf a: after print 1',
      'pdf a: print 2',
      'pdf a: after print 2',
    ]);
  });
});
