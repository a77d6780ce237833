// Citation benchmark: parse of the bibliography, formatting of every citation and both
// reference lists, and the whole assembly with citations, for a synthetic corpus from
// ../shared/bench/make-corpus.mjs; side by side with `pandoc --citeproc` when it is installed.
//
//   npx node /work/shared/bench/make-corpus.mjs /tmp/corpus5 5
//   npx node scripts/bench-citations.ts /tmp/corpus5 [--runs 3] [--style apa]
//   npx node scripts/bench-citations.ts --child dump <project root> [out.json]   (output hash)
//
// Every timed step runs in a fresh process (cold: nothing cached, engines built from scratch,
// no disk cache, except the one line that measures it);
// our runs and pandoc's are interleaved so that a slow spell of a shared machine hits both.
// Prints a Markdown table; never fails on slowness (speed is measured, not tested).
import type { FormatJob } from '../src/citations/format-document.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const self = import.meta.filename;
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1]!;
};

if (args[0] === '--child') {
  await child(args[1]!, args[2]!);
} else {
  await main();
}

/** Copy the corpus into our layout: its chapters and bibliography, plus a document.yaml each. */
function prepareProject(corpus: string, style: string): string {
  const root = path.join(tmpdir(), 'srida-bench-citations', `${path.basename(corpus)}-${style}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const folder of ['chapters', 'bibliography', 'figures']) {
    if (existsSync(path.join(corpus, folder)))
      cpSync(path.join(corpus, folder), path.join(root, folder), { recursive: true });
  }
  for (const doc of readdirSync(path.join(root, 'chapters'))) {
    writeFileSync(
      path.join(root, 'chapters', doc, 'document.yaml'),
      `title: Benchmark ${doc}\nshortTitle: ${doc}\neditors:\n  - name: Benchmark\nabstract: Synthetic corpus.\nlanguage: en\nversion: 1.0.0\nstatus: draft\ndate: 2026-01-01\nlicence: CC-BY-4.0\ncitationStyle: ${style}\n`,
    );
  }
  return root;
}

async function main() {
  const corpus = path.resolve(
    args.find(
      (arg) => !arg.startsWith('--') && arg !== option('runs', '') && arg !== option('style', ''),
    ) ?? '/tmp/corpus5',
  );
  const runs = Number(option('runs', '3'));
  const style = option('style', 'apa');
  if (!existsSync(path.join(corpus, 'bibliography/references.bib'))) {
    console.error(
      `No corpus at ${corpus}: make one with \`npx node ../shared/bench/make-corpus.mjs ${corpus} 5\`.`,
    );
    process.exitCode = 2;
    return;
  }
  const root = prepareProject(corpus, style);
  const run = (step: string, env: Record<string, string> = {}) =>
    JSON.parse(
      execFileSync(process.execPath, [self, '--child', step, root], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      }),
    ) as Record<string, number>;
  const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
  // pandoc with its default style (Chicago author-date), and with the same CSL file as ours.
  const { plugins } = await import('@citation-js/core');
  await import('@citation-js/plugin-csl');
  const styleFile = path.join(root, `${style}.csl`);
  writeFileSync(styleFile, plugins.config.get('@csl').styles.get(style));
  const assembleScript = path.resolve(import.meta.dirname, '../../shared/bench/assemble.sh');
  const pandoc = (csl = '') => {
    const script = ['srida', 'blueprint']
      .map(
        (doc) =>
          `bash ${JSON.stringify(assembleScript)} ${corpus}/chapters/${doc} | pandoc -f markdown -t html5 -s --citeproc --bibliography=${corpus}/bibliography/references.bib ${csl} -M title=${doc} -o /dev/null`,
      )
      .join(' && ');
    const started = performance.now();
    const result = spawnSync('bash', ['-c', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
    return performance.now() - started;
  };

  const samples: Record<string, number[]> = {};
  const add = (name: string, value: number) => (samples[name] ??= []).push(value);
  let info: Record<string, number> = {};
  for (let round = 0; round < runs; round++) {
    const parse = run('parse');
    add('parse', parse.ms!);
    const format = run('format');
    for (const [key, value] of Object.entries(format))
      if (key.endsWith('Ms')) add(`format.${key}`, value);
    info = { ...parse, ...format };
    const assembled = run('assemble', { SRIDA_CITATION_WORKERS: '2' });
    add('assemble.cold', assembled.coldMs!);
    add('assemble.coldCpu', assembled.coldCpuMs!);
    add('assemble.warm', assembled.warmMs!);
    // A new process with the formatted citations on disk from the one before (srida check
    // then srida build, or a restarted dev server): the first of the two primes the cache.
    const cacheDir = path.join(root, '.bench-cache');
    rmSync(cacheDir, { recursive: true, force: true });
    run('assemble', { SRIDA_CACHE_DIR: cacheDir });
    add('assemble.disk', run('assemble', { SRIDA_CACHE_DIR: cacheDir }).coldMs!);
    const single = run('assemble', { SRIDA_CITATION_WORKERS: '0' });
    add('assemble.single', single.coldMs!);
    add('assemble.singleCpu', single.coldCpuMs!);
    if (hasPandoc) add('pandoc', pandoc());
    if (hasPandoc) add('pandoc.same', pandoc(`--csl=${styleFile}`));
    process.stderr.write(`round ${round + 1}/${runs} done\n`);
  }
  const median = (name: string) => {
    const values = [...(samples[name] ?? [])].sort((a, b) => a - b);
    return values.length ? values[Math.floor(values.length / 2)]! : Number.NaN;
  };
  const ms = (name: string) => `${median(name).toFixed(0)} ms`;
  const p = median('pandoc');
  const ratio = (name: string) => (hasPandoc ? `${(median(name) / p).toFixed(2)} × pandoc` : '');
  console.log(
    `Corpus ${corpus}: ${info.entries} entries; ${info.citations} citations (${info.cites} cites) in 2 documents; style ${style}; median of ${runs} runs, each in a fresh process.\n`,
  );
  console.log('| step | time | note |');
  console.log('|---|---:|---|');
  console.log(
    `| parse the .bib (positions, checks, CSL) | ${ms('parse')} | ${info.entries} entries |`,
  );
  console.log(
    `| format: engine for the style | ${ms('format.engineMs')} | built once per process and style |`,
  );
  console.log(
    `| format: srida, every citation + reference list | ${ms('format.firstMs')} | ${info.firstCitations} citations, ${info.firstEntries} entries |`,
  );
  console.log(
    `| format: blueprint, every citation + reference list | ${ms('format.secondMs')} | ${info.secondCitations} citations, ${info.secondEntries} entries |`,
  );
  console.log(
    `| whole assembly with citations, cold, one thread | ${ms('assemble.single')} | cpu ${ms('assemble.singleCpu')}; ${ratio('assemble.single')} |`,
  );
  console.log(
    `| whole assembly with citations, cold, 2 worker threads | ${ms('assemble.cold')} | cpu ${ms('assemble.coldCpu')}; ${ratio('assemble.cold')} |`,
  );
  console.log(
    `| whole assembly again in the same process (dev rebuild) | ${ms('assemble.warm')} | citations cached; ${ratio('assemble.warm')} |`,
  );
  console.log(
    `| whole assembly in a new process, citations on disk from the run before | ${ms('assemble.disk')} | disk cache; ${ratio('assemble.disk')} |`,
  );
  if (hasPandoc) {
    console.log(
      `| pandoc --citeproc, both documents | ${ms('pandoc')} | its default style (Chicago author-date); the reference for the ratios |`,
    );
    console.log(
      `| pandoc --citeproc --csl=${style}.csl, both documents | ${ms('pandoc.same')} | the same style file as ours |`,
    );
  } else console.log('| pandoc | not installed | `apt-get install -y pandoc` |');
}

/** One measurement in this (fresh) process; prints JSON. */
async function child(step: string, root: string) {
  if (step === 'parse') {
    const { parseBibtex } = await import('../src/citations/parse-bibtex.ts');
    const text = readFileSync(path.join(root, 'bibliography/references.bib'), 'utf8');
    const started = performance.now();
    const parsed = parseBibtex(text);
    console.log(
      JSON.stringify({ ms: performance.now() - started, entries: parsed.entries.length }),
    );
    return;
  }
  if (step === 'dump') {
    // Every formatted citation and reference list, as one SHA-256 (and the JSON to a file when
    // a third argument names one): run before and after a change to citeproc-speedups.ts, the
    // output must not change.
    const { formatDocument } = await import('../src/citations/format-document.ts');
    const { jobs } = await collectJobs(root);
    const text = JSON.stringify(jobs.map((job) => formatDocument(job)));
    if (args[3]) writeFileSync(args[3], text);
    const { createHash } = await import('node:crypto');
    console.log(
      JSON.stringify({
        sha256: createHash('sha256').update(text).digest('hex'),
        bytes: text.length,
      }),
    );
    return;
  }
  if (step === 'format') {
    // Each document's citations in reading order, as the extension collects them (untimed),
    // then formatted here, timed, in this thread.
    const { formatDocument } = await import('../src/citations/format-document.ts');
    const { jobs, library } = await collectJobs(root);
    // Engine first (alone), then each document.
    let started = performance.now();
    formatDocument({
      style: jobs[0]!.style,
      locale: 'en-US',
      items: [{ id: 'x', type: 'book', title: 'x' }],
      clusters: [{ mode: 'normal', items: [{ id: 'x' }] }],
    });
    const engineMs = performance.now() - started;
    const times: number[] = [];
    const results = jobs.map((job) => {
      started = performance.now();
      const result = formatDocument(job);
      times.push(performance.now() - started);
      return result;
    });
    console.log(
      JSON.stringify({
        engineMs,
        firstMs: times[0],
        secondMs: times[1],
        citations: jobs.reduce((n, job) => n + job.clusters.length, 0),
        cites: jobs.reduce(
          (n, job) => n + job.clusters.reduce((m, cluster) => m + cluster.items.length, 0),
          0,
        ),
        firstCitations: jobs[0]!.clusters.length,
        secondCitations: jobs[1]?.clusters.length ?? 0,
        firstEntries: results[0]!.bibliography.length,
        secondEntries: results[1]?.bibliography.length ?? 0,
        entries: library.entries.size,
      }),
    );
    return;
  }
  // The whole assembly, cold (fresh process), then again (what `astro dev` does on an edit).
  const { assembleProject } = await import('../src/assemble/assemble-project.ts');
  const { createCitationsExtension } = await import('../src/citations/index.ts');
  const cpu = process.cpuUsage();
  let started = performance.now();
  await assembleProject(root, { extensions: [createCitationsExtension] });
  const coldMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  started = performance.now();
  await assembleProject(root, { extensions: [createCitationsExtension] });
  const warmMs = performance.now() - started;
  console.log(JSON.stringify({ coldMs, coldCpuMs: (used.user + used.system) / 1000, warmMs }));
}

/** Each document's formatting job, as the citations extension makes it (srida first). */
async function collectJobs(root: string) {
  const { loadProject } = await import('../src/content/load-project.ts');
  const { loadLibrary } = await import('../src/citations/load-bibliography.ts');
  const { parseMarkdown } = await import('../src/markdown/processor.ts');
  const remarkCitations = (await import('../src/citations/remark-citations.ts')).default;
  const { collectCitations } = await import('../src/citations/collect-citations.ts');
  const project = await loadProject(root);
  const library = await loadLibrary(root);
  const jobs: FormatJob[] = [];
  const order = ['srida', 'blueprint'];
  project.documents.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  for (const document of project.documents) {
    const chapters = document.chapters.map((chapter) => {
      const tree = parseMarkdown(chapter.markdown);
      remarkCitations(tree, chapter.markdown);
      return { id: chapter.id, href: `/${document.id}/${chapter.id}/`, tree, file: chapter.file };
    });
    const clusters = collectCitations(chapters)
      .occurrences.map((occurrence) => ({
        mode: occurrence.citation.mode,
        items: occurrence.citation.items
          .filter((item) => library.entries.has(item.key))
          .map((item) => ({
            id: item.key,
            locator: item.locator,
            label: item.label,
            prefix: item.prefix || undefined,
            suffix: item.suffix || undefined,
            suppressAuthor: item.suppressAuthor || undefined,
          })),
      }))
      .filter((cluster) => cluster.items.length > 0);
    const ids = [...new Set(clusters.flatMap((cluster) => cluster.items.map((item) => item.id)))];
    jobs.push({
      style: document.metadata.citationStyle,
      locale: 'en-US',
      items: ids.map((id) => library.entries.get(id)!.item),
      clusters,
    });
  }
  return { jobs, library };
}
