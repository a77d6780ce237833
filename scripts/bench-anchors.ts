/**
 * Benchmark of anchor carry-over (docs/anchors.md), printed as figures (no assertions).
 *
 * Test set: the blocks of the shipped chapters and of the shared synthetic corpus
 * (../shared/bench/make-corpus.mjs, factor 1), edited by a seeded generator: insert, delete,
 * move within a chapter, move to another chapter, split, merge, rewrite 5–29% of the words
 * (light), rewrite 60–90% (heavy). Each edited block knows its origin, so the matcher's answer can
 * be scored:
 * - unchanged blocks (moved ones included) that keep their anchor (goal 100%);
 * - lightly edited blocks that keep it (goal ≥ 95%);
 * - false carries: a block given the anchor of a block it does not come from (goal 0).
 * Then the time the anchors stage adds to the assembly that `srida check` runs, on the corpus
 * at factor 5 (goal < 10%).
 *
 *   npx node scripts/bench-anchors.ts [--seed N] [--rounds N]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { anchorsOf } from '../src/anchors/anchors-data.ts';
import { matchAnchors, type MatchBlock } from '../src/anchors/match.ts';
import { assembleProject } from '../src/assemble/assemble-project.ts';
import type { ExtensionFactory } from '../src/assemble/extension.ts';
import { projectStages } from '../src/stages.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const seed = option('--seed', 7);
const rounds = option('--rounds', 20);
const tool = path.resolve(import.meta.dirname, '..');
const bench = path.resolve(tool, '../shared/bench');
const work = mkdtempSync(path.join(tmpdir(), 'srida-bench-anchors-'));

/** Mulberry32: a small seeded PRNG. */
function prng(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A project of the synthetic corpus: its chapters with a document.yaml each. */
function corpusProject(factor: number): string {
  const out = path.join(work, `corpus-f${factor}`);
  execFileSync(process.execPath, [path.join(bench, 'make-corpus.mjs'), out, String(factor)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const id of readdirSync(path.join(out, 'chapters'))) {
    const dir = path.join(out, 'chapters', id);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const file = path.join(dir, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^order:.*\n/m, ''));
    }
    writeFileSync(
      path.join(dir, 'document.yaml'),
      `title: ${id}\nshortTitle: ${id}\neditors:\n  - name: Bench\nabstract: Synthetic.\nlanguage: en\nversion: 1.0.0\nstatus: draft\ndate: 2026-01-01\nlicence: CC-BY-4.0\n`,
    );
  }
  return out;
}

/** The blocks of every document of a project, as the anchors stage found them. */
async function blocksOf(root: string): Promise<MatchBlock[][]> {
  const project = await assembleProject(root, { extensions: projectStages() });
  return project.documents.map((d) =>
    (anchorsOf(d)?.blocks ?? [])
      .filter((b) => b.text.split(' ').length >= 3)
      .map((b) => ({ chapterId: b.chapterId, text: b.text })),
  );
}

type Origin = { from: number; kind: 'same' | 'light' | 'heavy' | 'split' | 'merge' | 'new' };
const vocabulary =
  'alpha beta gamma delta sensor archive cluster token policy grid tape cloud queue broker ledger vector quorum replica shard kernel'.split(
    ' ',
  );

/** One seeded round of edits over a document's blocks. */
function edit(blocks: MatchBlock[], random: () => number) {
  const chapters = [...new Set(blocks.map((b) => b.chapterId))];
  const word = () =>
    `${vocabulary[Math.floor(random() * vocabulary.length)]}${Math.floor(random() * 1000)}`;
  const rewrite = (text: string, share: number) =>
    text
      .split(' ')
      .map((w) => (random() < share ? word() : w))
      .join(' ');
  const out: { block: MatchBlock; origin: Origin }[] = [];
  const moved: { block: MatchBlock; origin: Origin }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const r = random();
    if (r < 0.04) continue; // delete
    if (r < 0.06) {
      out.push({
        block: { ...block, text: Array.from({ length: 30 }, word).join(' ') },
        origin: { from: -1, kind: 'new' },
      });
      out.push({ block, origin: { from: i, kind: 'same' } });
    } else if (r < 0.09)
      moved.push({ block, origin: { from: i, kind: 'same' } }); // move within
    else if (r < 0.11) {
      const other = chapters[Math.floor(random() * chapters.length)]!;
      moved.push({ block: { ...block, chapterId: other }, origin: { from: i, kind: 'same' } });
    } else if (r < 0.13) {
      const words = block.text.split(' ');
      const cut = Math.ceil(words.length / 2);
      out.push({
        block: { ...block, text: words.slice(0, cut).join(' ') },
        origin: { from: i, kind: 'split' },
      });
      out.push({
        block: { ...block, text: words.slice(cut).join(' ') },
        origin: { from: i, kind: 'split' },
      });
    } else if (r < 0.15 && i + 1 < blocks.length) {
      out.push({
        block: { ...block, text: `${block.text} ${blocks[i + 1]!.text}` },
        origin: { from: i, kind: 'merge' },
      });
      i++;
    } else if (r < 0.27) {
      out.push({
        block: { ...block, text: rewrite(block.text, 0.05 + random() * 0.24) },
        origin: { from: i, kind: 'light' },
      });
    } else if (r < 0.3) {
      out.push({
        block: { ...block, text: rewrite(block.text, 0.6 + random() * 0.3) },
        origin: { from: i, kind: 'heavy' },
      });
    } else out.push({ block, origin: { from: i, kind: 'same' } });
  }
  for (const item of moved) out.splice(Math.floor(random() * (out.length + 1)), 0, item);
  return out;
}

/** Score rounds of edits over one set of documents. */
function score(label: string, documents: MatchBlock[][], random: () => number) {
  const totals = {
    same: 0,
    sameKept: 0,
    light: 0,
    lightKept: 0,
    heavy: 0,
    heavyKept: 0,
    false: 0,
    blocks: 0,
  };
  for (let round = 0; round < rounds; round++) {
    for (const blocks of documents) {
      const base = matchAnchors('bench', [], blocks);
      const edited = edit(blocks, random);
      const next = matchAnchors(
        'bench',
        base.state,
        edited.map((e) => e.block),
      );
      const owner = new Map(base.anchors.map((anchor, i) => [anchor, i]));
      edited.forEach(({ origin }, j) => {
        const anchor = next.anchors[j]!;
        const from = owner.get(anchor);
        totals.blocks++;
        const kept = from !== undefined && from === origin.from;
        const mergedFrom = origin.kind === 'merge' && from === origin.from + 1;
        if (from !== undefined && !kept && !mergedFrom) {
          totals.false++;
          if (process.env.SHOW_FALSE)
            console.log(
              origin,
              '\n  now:',
              edited[j]!.block.text.slice(0, 160),
              '\n  was:',
              blocks[from]!.text.slice(0, 160),
            );
        }
        if (origin.kind === 'same') {
          totals.same++;
          if (kept) totals.sameKept++;
        } else if (origin.kind === 'light') {
          totals.light++;
          if (kept) totals.lightKept++;
        } else if (origin.kind === 'heavy') {
          totals.heavy++;
          if (kept) totals.heavyKept++;
        }
      });
    }
  }
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(
    `${label.padEnd(22)} blocks ${String(totals.blocks).padStart(6)}  unchanged kept ${pct(totals.sameKept, totals.same).padStart(6)}  light (<30%) kept ${pct(totals.lightKept, totals.light).padStart(6)}  heavy kept ${pct(totals.heavyKept, totals.heavy).padStart(6)}  false carries ${totals.false}`,
  );
}

try {
  const random = prng(seed);
  console.log(`anchor carry-over, seed ${seed}, ${rounds} rounds of edits per document`);
  score('shipped chapters', await blocksOf(tool), random);
  score('synthetic corpus f1', await blocksOf(corpusProject(1)), random);

  const factor5 = corpusProject(5);
  // The anchors stage is the last of the list; time its document pass (collecting, matching,
  // decorating) inside each whole assembly. Wall-clock differences between two assemblies are
  // too noisy on a shared machine.
  let spent = 0;
  const timed = (): ExtensionFactory[] =>
    projectStages().map((factory, index, all) =>
      index < all.length - 1
        ? factory
        : (context) => {
            const extension = factory(context);
            const pass = extension.document!.bind(extension);
            return {
              ...extension,
              async document(input) {
                const started = performance.now();
                try {
                  return await pass(input);
                } finally {
                  spent += performance.now() - started;
                }
              },
            };
          },
    );
  await assembleProject(factor5, { extensions: timed() }); // warm-up: caches, JIT
  const shares: string[] = [];
  let total = 0;
  spent = 0;
  for (let i = 0; i < 5; i++) {
    const before = spent;
    const started = performance.now();
    await assembleProject(factor5, { extensions: timed() });
    const elapsed = performance.now() - started;
    total += elapsed;
    shares.push(`${(((spent - before) / elapsed) * 100).toFixed(1)}%`);
  }
  console.log(
    `factor 5: the anchors stage takes ${(spent / 5).toFixed(0)} ms of an assembly of ${(total / 5).toFixed(0)} ms (${((spent / total) * 100).toFixed(1)}%; runs: ${shares.join(', ')})`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
