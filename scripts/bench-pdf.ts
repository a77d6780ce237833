/**
 * bench-pdf.ts: time `srida pdf` against a plain Chromium print of the same HTML.
 *
 * Usage: npx node scripts/bench-pdf.ts [--factors 1,5] [--runs 3] [--work /tmp/srida-bench-pdf]
 *
 * For each factor: generate the shared benchmark corpus (../shared/bench/make-corpus.mjs),
 * convert a copy to this project's chapter format, build the site once (untimed, like pandoc in
 * the peers' table), then time, in interleaved rounds:
 * - `srida`: `srida pdf` printing both documents with every feature (cover, contents with page
 *   numbers from a second print, running headers, bookmarks, tags, metadata, atomic write);
 * - `chromium`: `chromium --headless --print-to-pdf` of the same print pages, one document after
 *   the other, as the peers' floor does (no contents page numbers, no running headers).
 * Both are measured with ../shared/bench/measure.pl (counts Chromium's orphaned processes):
 * median wall time, largest single-process peak RSS, and (in the warm-up run) the peak PSS sum of
 * the whole process tree. Each output is checked with ../shared/bench/check-pdf.mjs.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { serveSite } from '../src/pdf/serve-site.ts';
import { stampMetadata } from '../src/pdf/stamp-metadata.ts';

const bench = process.env.SHARED_BENCH ?? path.resolve(import.meta.dirname, '../../shared/bench');
const tool = path.resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const { values } = parseArgs({
  options: {
    factors: { type: 'string', default: '1,5' },
    runs: { type: 'string', default: '3' },
    work: { type: 'string', default: '/tmp/srida-bench-pdf' },
  },
});
const factors = values.factors.split(',').map(Number);
const runs = Number(values.runs);
const work = path.resolve(values.work);

const documents: Record<string, { title: string; shortTitle: string }> = {
  srida: {
    title: 'SRIDA: Strategic Research, Innovation and Deployment Agenda',
    shortTitle: 'SRIDA',
  },
  blueprint: { title: 'Implementation Blueprint', shortTitle: 'Blueprint' },
};

interface Measure {
  rc: number;
  wall: number;
  maxrss_mib: number;
  tree_pss_mib?: number;
  user: number;
  sys: number;
}

const log = (text: string) => process.stderr.write(`[bench-pdf] ${text}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Run a command under measure.pl; returns its key=value line. Asynchronous: the local server
 * the plain Chromium reads from lives in this process and must keep answering.
 */
async function measure(command: string[], sampleMs = 0): Promise<Measure> {
  const out = path.join(work, 'measure.txt');
  rmSync(out, { force: true });
  const args = [
    path.join(bench, 'measure.pl'),
    ...(sampleMs ? ['--sample', String(sampleMs)] : []),
    '--out',
    out,
    '--',
    ...command,
  ];
  await new Promise((resolve) =>
    spawn('perl', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CI: 'true' },
    }).on('close', resolve),
  );
  const line = readFileSync(out, 'utf8').trim().split('\n').at(-1) ?? '';
  const fields = Object.fromEntries(
    line
      .split(/\s+/)
      .map((kv) => kv.split('='))
      .map(([k, v]) => [k, Number(v)]),
  );
  // Cast: the fields are the measure script's `key=number` lines, one per field of Measure.
  return fields as unknown as Measure;
}

/** The corpus in this project's format: front matter without `order`, images beside the chapters, captioned tables and figures as blocks. */
function convertCorpus(corpus: string, project: string) {
  rmSync(project, { recursive: true, force: true });
  for (const id of Object.keys(documents)) {
    const from = path.join(corpus, 'chapters', id);
    const to = path.join(project, 'chapters', id);
    mkdirSync(path.join(to, 'figures'), { recursive: true });
    cpSync(path.join(corpus, 'figures'), path.join(to, 'figures'), { recursive: true });
    for (const name of readdirSync(from).filter((n) => n.endsWith('.md'))) {
      writeFileSync(
        path.join(to, name),
        convertChapter(readFileSync(path.join(from, name), 'utf8')),
      );
    }
    writeFileSync(
      path.join(to, 'document.yaml'),
      [
        `title: "${documents[id]!.title}"`,
        `shortTitle: ${documents[id]!.shortTitle}`,
        'editors:\n  - name: Benchmark Editors',
        'abstract: A synthetic document of the shared benchmark corpus.',
        'language: en',
        'version: 1.0.0',
        'status: draft',
        'date: 2026-01-01',
        'licence: CC-BY-4.0',
        '',
      ].join('\n'),
    );
  }
  cpSync(path.join(corpus, 'bibliography'), path.join(project, 'bibliography'), {
    recursive: true,
  });
}

function convertChapter(markdown: string): string {
  const text = markdown.replace(
    /^---\n([\s\S]*?)\n---\n/,
    (_all, front: string) =>
      `---\n${front
        .split('\n')
        .filter((line) => !/^order:/.test(line))
        .join('\n')}\n---\n`,
  );
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const image = /^!\[(.*)\]\(\.\.\/\.\.\/figures\/([^)]+)\)\s*$/.exec(line);
    if (image) {
      out.push(':::figure', `![${image[1]}](figures/${image[2]})`, '', image[1]!, ':::');
      continue;
    }
    if (line.startsWith('|') && (i === 0 || !lines[i - 1]!.startsWith('|'))) {
      let end = i;
      while (end + 1 < lines.length && lines[end + 1]!.startsWith('|')) end++;
      const caption = /^: (.*)$/.exec(lines[end + 2] ?? '');
      if (lines[end + 1] === '' && caption) {
        out.push(':::table', caption[1]!, '', ...lines.slice(i, end + 1), ':::');
        i = end + 2;
        continue;
      }
    }
    out.push(line.replace(/\]\(\.\.\/\.\.\/figures\//g, '](figures/'));
  }
  return out.join('\n');
}

function checkPdf(pdf: string, project: string, id: string): Record<string, unknown> {
  try {
    return JSON.parse(
      execFileSync(
        process.execPath,
        [
          path.join(bench, 'check-pdf.mjs'),
          pdf,
          path.join(project, 'chapters', id),
          documents[id]!.title,
        ],
        { encoding: 'utf8' },
      ),
    );
  } catch {
    return {};
  }
}

const srida = [process.execPath, path.join(tool, 'bin/srida.mjs')];
const rows: string[] = [];
const stampRows: string[] = [];

/**
 * What the one post-processing path costs (docs/pdf.md): `stampMetadata` (an incremental update:
 * metadata, dates, outline, artifacts) on a plain Chromium print of a document, against a pdf-lib
 * load and save of the same file, which is what a pdf-lib-only path would at least do.
 */
async function stampCost(file: string, factor: number, id: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(file));
  const metadata = {
    documentId: id,
    title: documents[id]!.title,
    shortTitle: documents[id]!.shortTitle,
    editors: ['Bench'],
    keywords: [],
    abstract: 'Bench.',
    language: 'en',
    version: '0.0.0+dev',
    status: 'working',
    edition: 'Working draft',
    date: '2026-12-02',
    licence: 'CC-BY-4.0',
    url: 'http://127.0.0.1/',
    fileName: `${id}.pdf`,
  };
  const options = { date: new Date(0), creator: 'bench', producer: 'bench' };
  const time = async (work: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < Math.max(runs, 3); i++) {
      const started = performance.now();
      await work();
      times.push(performance.now() - started);
    }
    return median(times);
  };
  const incremental = await time(() => stampMetadata(bytes, metadata, options));
  const rewrite = await time(async () =>
    (await PDFDocument.load(bytes, { updateMetadata: false })).save({ useObjectStreams: false }),
  );
  return `| ${factor} | ${id} | ${(bytes.length / 1e6).toFixed(1)} MB | ${incremental.toFixed(0)} | ${rewrite.toFixed(0)} |`;
}
for (const factor of factors) {
  const corpus = path.join(work, `corpus-f${factor}`);
  const project = path.join(work, `project-f${factor}`);
  const site = path.join(work, `site-f${factor}`);
  const plainOut = path.join(work, `plain-f${factor}`);
  log(`factor ${factor}: corpus`);
  execFileSync(process.execPath, [path.join(bench, 'make-corpus.mjs'), corpus, String(factor)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  convertCorpus(corpus, project);
  log(`factor ${factor}: building the site (untimed)`);
  const built = spawnSync(
    srida[0]!,
    [...srida.slice(1), 'build', '--root', project, '--out', site, '--no-pdf', '--quiet'],
    { encoding: 'utf8' },
  );
  if (built.status !== 0) {
    log(`site build failed:\n${built.stdout}\n${built.stderr}`);
    process.exit(1);
  }
  const server = await serveSite(site);
  mkdirSync(plainOut, { recursive: true });
  const profile = path.join(work, 'chromium-profile');
  const plainScript = path.join(work, `plain-f${factor}.sh`);
  writeFileSync(
    plainScript,
    Object.keys(documents)
      .map(
        (id) =>
          `${chromium} --headless --no-sandbox --disable-gpu --no-pdf-header-footer --generate-pdf-document-outline --user-data-dir=${profile} --print-to-pdf=${path.join(plainOut, `${id}.pdf`)} ${server.origin}/${id}/print/ 2>/dev/null`,
      )
      .join('\n') + '\n',
  );
  const jobs: Record<string, string[]> = {
    srida: [...srida, 'pdf', '--out', site, '--quiet'],
    chromium: ['bash', plainScript],
  };
  const result: Record<string, { warm: Measure; runs: Measure[] }> = {};
  for (const [name, command] of Object.entries(jobs)) {
    log(`factor ${factor}: ${name} warm-up (tree memory sampled)`);
    result[name] = { warm: await measure(command, 100), runs: [] };
    if (result[name].warm.rc !== 0) log(`${name} failed (rc ${result[name].warm.rc})`);
  }
  for (let round = 1; round <= runs; round++) {
    for (const [name, command] of Object.entries(jobs)) {
      const m = await measure(command);
      result[name]!.runs.push(m);
      log(
        `factor ${factor}: ${name} run ${round}/${runs}: ${m.wall.toFixed(2)} s, peak ${m.maxrss_mib.toFixed(0)} MiB`,
      );
    }
  }
  await server.close();
  const ourPdfs = Object.fromEntries(
    Object.keys(documents).map((id) => [
      id,
      readdirSync(path.join(site, 'pdf')).find((f) => new RegExp(`(^|-)${id}-.*\\.pdf$`).test(f))!,
    ]),
  );
  for (const id of Object.keys(documents))
    stampRows.push(await stampCost(path.join(plainOut, `${id}.pdf`), factor, id));
  const wall = (name: string) => median(result[name]!.runs.map((m) => m.wall));
  for (const name of Object.keys(jobs)) {
    const checks = Object.keys(documents).map((id) =>
      checkPdf(
        name === 'srida' ? path.join(site, 'pdf', ourPdfs[id]!) : path.join(plainOut, `${id}.pdf`),
        project,
        id,
      ),
    );
    const walls = result[name]!.runs.map((m) => m.wall);
    const joined = (key: string) =>
      [...new Set(checks.map((c) => String(c[key] ?? '-')))].join('/');
    rows.push(
      `| ${name} | ${factor} | ${wall(name).toFixed(2)} | ${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)} | ${(wall(name) / wall('chromium')).toFixed(2)} | ${median(result[name]!.runs.map((m) => m.maxrss_mib)).toFixed(0)} | ${(result[name]!.warm.tree_pss_mib ?? NaN).toFixed(0)} | ${median(result[name]!.runs.map((m) => m.user + m.sys)).toFixed(2)} | ${checks.map((c) => c.pages ?? 0).join('+')} | ${joined('tocPageNums')} | ${joined('runHeads')} | ${joined('folios')} | ${checks.reduce((n, c) => n + Number(c.bookmarks ?? 0), 0)} | ${joined('tagged')} |`,
    );
  }
}

const table = [
  `Runs: ${runs} timed per tool and factor, interleaved, after one warm-up; ${new Date().toISOString()}; Chromium ${execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim()}.`,
  '',
  '| tool | factor | wall s (median) | min–max | ratio to chromium | peak MiB | tree MiB | cpu s | pages | toc page numbers | running headers | folios | bookmarks | tagged |',
  '|---|---:|---:|---|---:|---:|---:|---:|---|---|---|---|---:|---|',
  ...rows,
  '',
  'Post-processing one printed PDF (median ms): the incremental update srida uses, and a pdf-lib load + save (the floor of a pdf-lib path).',
  '',
  '| factor | document | size | incremental ms | pdf-lib ms |',
  '|---:|---|---:|---:|---:|',
  ...stampRows,
].join('\n');
writeFileSync(path.join(work, 'results.md'), `${table}\n`);
process.stdout.write(`${table}\n`);
if (!existsSync(path.join(work, 'results.md'))) process.exitCode = 1;
