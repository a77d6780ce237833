// Child of scripts/bench.ts: assemble one content root and print timings as JSON.
// Run in its own process so that peak memory (maxRSS) belongs to this work alone.
import { assembleProject } from '../src/assemble/assemble-project.ts';
import { loadProject } from '../src/content/load-project.ts';

const root = process.argv[2]!;
const runs = Number(process.argv[3] ?? 3);
const t0 = performance.now();
await loadProject(root);
const load = performance.now() - t0;
const times: number[] = [];
let words = 0;
let chapters = 0;
let messages = 0;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const project = await assembleProject(root);
  times.push(performance.now() - started);
  chapters = project.documents.reduce((n, d) => n + d.chapters.length, 0);
  words = project.documents.reduce((n, d) => n + d.chapters.reduce((m, c) => m + c.html.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length, 0), 0);
  messages = project.files.reduce((n, f) => n + f.messages.length, 0);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ firstLoadMs: load, coldMs: times.at(-1), medianMs: times[Math.floor(times.length / 2)], minMs: times[0], chapters, words, messages, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
