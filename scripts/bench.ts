// `npm run bench`: assembly and site-build figures for the shipped content and for synthetic
// corpora (../shared/bench/make-corpus.mjs, factors 1 and 5), side by side with pandoc when it
// is installed. Prints a table; never fails on slowness (speed is measured, not tested).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const project = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(project, process.env.SRIDA_SHARED ?? '../shared');
const work = path.join(tmpdir(), 'srida-bench');
const factors = (process.env.FACTORS ?? '1,5').split(',').map(Number);
mkdirSync(work, { recursive: true });

/** Wall time of a command (median of `runs`), with its peak RSS via /usr/bin/time when present. */
function timeCommand(command: string, args: string[], runs = 3, options: { shell?: boolean } = {}) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(command, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      shell: options.shell,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A synthetic corpus in our layout: the generator's chapters plus one document.yaml each. */
function corpus(factor: number): string {
  const dir = path.join(work, `corpus-f${factor}`);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    execFileSync(
      process.execPath,
      [path.join(shared, 'bench/make-corpus.mjs'), dir, String(factor)],
      { stdio: 'ignore' },
    );
  }
  for (const doc of readdirSync(path.join(dir, 'chapters'))) {
    writeFileSync(
      path.join(dir, 'chapters', doc, 'document.yaml'),
      `title: Synthetic ${doc}\nshortTitle: ${doc}\neditors:\n  - name: Benchmark\nabstract: Synthetic corpus from make-corpus.mjs.\nlanguage: en\nversion: 1.0.0\nstatus: draft\ndate: 2026-01-01\nlicence: CC-BY-4.0\n`,
    );
  }
  return dir;
}

function assemble(root: string) {
  const out = execFileSync(
    process.execPath,
    [path.join(project, 'scripts/bench-assemble.ts'), root, '3'],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as {
    coreMs: number;
    fullColdMs: number;
    fullWarmMs: number;
    chapters: number;
    words: number;
    maxRssMb: number;
  };
}

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
/** pandoc on the same corpus: both documents to standalone HTML, numbered, with a TOC. */
function pandoc(root: string, citeproc: boolean) {
  const script = ['srida', 'blueprint']
    .map(
      (doc) =>
        `sh ${shared}/bench/assemble.sh ${root}/chapters/${doc} | pandoc -f markdown -t html5 -s --toc --toc-depth=2 --number-sections -M title=${doc} -M lang=en${citeproc ? ` --citeproc --bibliography=${root}/bibliography/references.bib -M link-citations=true` : ''} -o /dev/null`,
    )
    .join(' && ');
  return timeCommand('sh', ['-c', script], 1);
}

const rows: string[] = [];
const row = (...cells: (string | number)[]) => rows.push(`| ${cells.join(' | ')} |`);
row('input', 'stage', 'time', 'peak RSS', 'notes');
row('---', '---', '---:', '---:', '---');

const shipped = assemble(project);
row(
  'shipped content',
  'assemble, core (parse, number, cross-reference, render)',
  `${shipped.coreMs.toFixed(0)} ms`,
  `${shipped.maxRssMb.toFixed(0)} MB`,
  `${shipped.chapters} chapters, ${shipped.words} words`,
);
row(
  'shipped content',
  'assemble, with citations and roadmap',
  `${shipped.fullColdMs.toFixed(0)} ms`,
  '',
  `citations formatted afresh in a warmed-up process; nothing to format (dev, build after check): ${shipped.fullWarmMs.toFixed(0)} ms`,
);
const siteOut = path.join(work, 'site');
try {
  const build = timeCommand(
    process.execPath,
    [path.join(project, 'bin/srida.mjs'), 'build', '--no-pdf', '--quiet', '--out', siteOut],
    1,
  );
  row(
    'shipped content',
    'srida build (check + Astro site, no PDF)',
    `${(build / 1000).toFixed(1)} s`,
    '',
    'goal < 15 s on 2 cores',
  );
} catch (error) {
  row(
    'shipped content',
    'srida build (check + Astro site, no PDF)',
    'failed',
    '',
    String((error as Error).message)
      .split('\n')[0]!
      .slice(0, 80),
  );
}

for (const factor of factors) {
  const root = corpus(factor);
  const ours = assemble(root);
  row(
    `corpus f${factor}`,
    'assemble, core',
    `${ours.coreMs.toFixed(0)} ms`,
    `${ours.maxRssMb.toFixed(0)} MB`,
    `${ours.chapters} chapters, ${ours.words} words`,
  );
  row(
    `corpus f${factor}`,
    'assemble, with citations (APA) and roadmap',
    `${ours.fullColdMs.toFixed(0)} ms`,
    '',
    `citations formatted afresh in a warmed-up process; nothing to format ${ours.fullWarmMs.toFixed(0)} ms; a first run: scripts/bench-citations.ts`,
  );
  if (hasPandoc) {
    const plain = pandoc(root, false);
    row(
      `corpus f${factor}`,
      'pandoc → HTML (no citeproc)',
      `${plain.toFixed(0)} ms`,
      '',
      `core / pandoc = ${(ours.coreMs / plain).toFixed(2)}`,
    );
    const cited = pandoc(root, true);
    row(
      `corpus f${factor}`,
      'pandoc --citeproc → HTML',
      `${cited.toFixed(0)} ms`,
      '',
      `with citations / pandoc: formatted afresh ${(ours.fullColdMs / cited).toFixed(2)}, nothing to format ${(ours.fullWarmMs / cited).toFixed(2)}`,
    );
  }
}
if (!hasPandoc)
  rows.push('', 'pandoc is not installed (apt-get install pandoc) — no peer figures.');
console.log(
  `\nsrida benchmark, ${new Date().toISOString()}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`,
);
console.log(rows.join('\n'));
for (const extra of ['bench-roadmap.ts', 'bench-citations.ts']) {
  const script = path.join(project, 'scripts', extra);
  if (existsSync(script) && !process.env.SKIP_EXTRA) {
    console.log(`\n## ${extra}\n`);
    spawnSync(process.execPath, [script, path.join(work, `corpus-f${factors.at(-1)}`)], {
      stdio: 'inherit',
    });
  }
}
