/**
 * Benchmark of the roadmap timeline: layout plus SVG of generated roadmaps with 100, 500 and
 * 2,000 items in 20 tracks (median of several runs), and how time grows against n log n.
 * Goal: under 100 ms at 500 items; growth no faster than n log n.
 *
 * Run: `npx node scripts/bench-roadmap.ts` (Node 24 runs TypeScript directly).
 */
import { performance } from 'node:perf_hooks';
import { layoutTimeline } from '../src/roadmap/layout-timeline.ts';
import { renderRoadmapHtml } from '../src/roadmap/render-roadmap-html.ts';
import { renderTimelineSvg } from '../src/roadmap/render-timeline-svg.ts';
import { generateRoadmap } from '../tests/roadmap/generate-roadmap.ts';

const sizes = [100, 500, 2000];
const runs = 9;
const warmups = 3;

/** Median time in ms of `runs` calls of `task`, after `warmups` unmeasured ones. */
function median(task: () => unknown): number {
  for (let i = 0; i < warmups; i++) task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const rows = sizes.map((n) => {
  const roadmap = generateRoadmap(n, { items: n, tracks: 20, years: 15 });
  const svg = median(() => {
    const layout = layoutTimeline(roadmap, { width: 1080, today: new Date(Date.UTC(2030, 0, 1)) });
    return renderTimelineSvg(layout, {
      idPrefix: 'bench',
      hrefOf: (item) => `#${item.id}`,
      title: 'Bench',
      description: 'Bench',
    });
  });
  const figure = median(() =>
    renderRoadmapHtml(roadmap, {}, { idPrefix: 'bench', hrefFor: () => undefined, width: 1080 }),
  );
  return { n, svg, figure };
});

const nlogn = (n: number) => n * Math.log2(n);
const first = rows[0]!;
const lines = [
  'Roadmap timeline benchmark (20 tracks, median of ' + runs + ' runs)',
  'items   layout+SVG ms   growth   n log n growth   whole figure ms (with table)',
  ...rows.map((row) =>
    [
      String(row.n).padStart(5),
      row.svg.toFixed(2).padStart(15),
      (row.svg / first.svg).toFixed(1).padStart(8) + 'x',
      (nlogn(row.n) / nlogn(first.n)).toFixed(1).padStart(15) + 'x',
      row.figure.toFixed(2).padStart(16),
    ].join(' '),
  ),
];
const at500 = rows.find((row) => row.n === 500)!;
lines.push(
  `goal: under 100 ms at 500 items: ${at500.svg < 100 ? 'met' : 'NOT met'} (${at500.svg.toFixed(2)} ms)`,
);
const last = rows.at(-1)!;
const ratio = last.svg / first.svg / (nlogn(last.n) / nlogn(first.n));
lines.push(
  `growth 100 → ${last.n} relative to n log n: ${ratio.toFixed(2)} (≤ 1.5 means no faster than n log n, allowing for noise)`,
);
process.stdout.write(lines.join('\n') + '\n');
if (at500.svg >= 100 || ratio > 1.5) process.exitCode = 1;
