// Live preview latency, as an author sees it: `astro dev` on a copy of a project, one chapter
// edited 20 times; each time, from the file write to the first HTTP response of the dev server
// that contains the change. Prints median and maximum for the shipped content and for the
// synthetic corpus at each factor of FACTORS (default "5"). Measures; never fails on slowness.
//   npx node scripts/bench-dev.ts            (SRIDA_SHARED: where ../shared is)
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const project = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(project, process.env.SRIDA_SHARED ?? '../shared');
const edits = Number(process.env.EDITS ?? 20);
const factors = (process.env.FACTORS ?? '5').split(',').filter(Boolean).map(Number);

function copyShipped(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'srida-bench-dev-'));
  for (const folder of ['chapters', 'bibliography', 'roadmap', 'glossary', 'releases'])
    if (existsSync(path.join(project, folder)))
      cpSync(path.join(project, folder), path.join(dir, folder), { recursive: true });
  return dir;
}

function corpus(factor: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), `srida-bench-dev-f${factor}-`));
  execFileSync(
    process.execPath,
    [path.join(shared, 'bench/make-corpus.mjs'), dir, String(factor)],
    {
      stdio: 'ignore',
    },
  );
  for (const doc of readdirSync(path.join(dir, 'chapters')))
    writeFileSync(
      path.join(dir, 'chapters', doc, 'document.yaml'),
      `title: Synthetic ${doc}\nshortTitle: ${doc}\neditors:\n  - name: Benchmark\nabstract: Synthetic corpus.\nlanguage: en\nversion: 1.0.0\nstatus: draft\ndate: 2026-01-01\nlicence: CC-BY-4.0\n`,
    );
  return dir;
}

/** The first chapter file of the first document, and its page URL path. */
function firstChapter(root: string): { file: string; page: string } {
  const doc = readdirSync(path.join(root, 'chapters')).sort()[0]!;
  const name = readdirSync(path.join(root, 'chapters', doc))
    .filter((n) => n.endsWith('.md'))
    .sort()[1]!; // the second file: the first is often a front-matter-only title page
  const slug = /^\d+-(.+)\.md$/.exec(name)?.[1] ?? name.replace(/\.md$/, '');
  return { file: path.join(root, 'chapters', doc, name), page: `/${doc}/${slug}/` };
}

async function get(url: string): Promise<string> {
  return fetch(url).then(
    (r) => r.text(),
    () => '',
  );
}

async function until(url: string, text: string, deadlineMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < deadlineMs) {
    if ((await get(url)).includes(text)) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${url} never showed ${text}`);
}

async function measure(label: string, root: string): Promise<string> {
  const port = 5100 + Math.floor(Math.random() * 500);
  const dev: ChildProcess = spawn(
    path.join(project, 'node_modules/.bin/astro'),
    ['dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: project,
      env: { ...process.env, SRIDA_ROOT: root, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
      detached: true,
    },
  );
  try {
    const { file, page } = firstChapter(root);
    const url = `http://127.0.0.1:${port}${page}`;
    const original = readFileSync(file, 'utf8');
    await until(url, '</html>', 180_000);
    const times: number[] = [];
    for (let i = 0; i < edits + 1; i++) {
      const marker = `Edited paragraph number ${i} ${Date.now()}.`;
      const started = performance.now();
      writeFileSync(file, `${original}\n\n${marker}\n`);
      await until(url, marker, 60_000);
      if (i > 0) times.push(performance.now() - started); // the first edit warms up
    }
    writeFileSync(file, original);
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    return `| ${label} | ${edits} | ${median.toFixed(0)} | ${times.at(-1)!.toFixed(0)} | ${times[0]!.toFixed(0)} |`;
  } finally {
    try {
      process.kill(-dev.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

const rows = ['| project | edits | median ms | max ms | min ms |', '|---|---:|---:|---:|---:|'];
const shippedRoot = copyShipped();
rows.push(await measure('shipped content', shippedRoot));
rmSync(shippedRoot, { recursive: true, force: true });
for (const factor of factors) {
  const root = corpus(factor);
  rows.push(await measure(`synthetic corpus, factor ${factor}`, root));
  rmSync(root, { recursive: true, force: true });
}
console.log('Live preview: from the file write to the first response that shows the edit');
console.log(rows.join('\n'));
