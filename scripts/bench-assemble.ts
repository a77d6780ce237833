// Child of scripts/bench.ts: assemble one content root and print timings as JSON.
// Run in its own process so that peak memory (maxRSS) belongs to this work alone.
//   core: the pipeline without extensions (parse, number, cross-reference, render) — what
//         pandoc does when it turns the corpus into HTML;
//   full cold: with citations and roadmap, caches cleared before each run (in this process,
//         whose JIT and citeproc engines are warm by then: not a first run, which
//         scripts/bench-citations.ts measures; no disk cache either);
//   full warm: the same in a process that has assembled before (what `astro dev` and the
//         build after `check` see).
import { assembleProject } from '../src/assemble/assemble-project.ts';
import { clearCitationCaches } from '../src/citations/index.ts';
import { projectStages } from '../src/stages.ts';

// Formatting is what "cold" measures: never read it from the disk cache.
process.env.SRIDA_CACHE = '0';

const root = process.argv[2]!;
const runs = Number(process.argv[3] ?? 3);

async function median(work: () => Promise<unknown>, before?: () => void): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    before?.();
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const project = await assembleProject(root, { extensions: [] });
const chapters = project.documents.reduce((n, d) => n + d.chapters.length, 0);
const words = project.documents.reduce(
  (n, d) =>
    n +
    d.chapters.reduce(
      (m, c) =>
        m +
        c.html
          .replace(/<[^>]+>/g, ' ')
          .split(/\s+/)
          .filter(Boolean).length,
      0,
    ),
  0,
);
const coreMs = await median(() => assembleProject(root, { extensions: [] }));
const full = () => assembleProject(root, { extensions: projectStages() });
const fullColdMs = await median(full, clearCitationCaches);
const fullWarmMs = await median(full);
console.log(
  JSON.stringify({
    coreMs,
    fullColdMs,
    fullWarmMs,
    chapters,
    words,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
