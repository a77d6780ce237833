import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The direction of dependencies in src/, checked on the real import graph (type imports
 * included): TypeScript's own pre-processor lists each file's imports, so comments and strings
 * that look like imports do not count.
 */
const src = path.resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|mjs|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The code of a file that imports run from: an Astro file's frontmatter and scripts. */
function codeOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** file → the files of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const { importedFiles } = ts.preProcessFile(codeOf(file), true, true);
    const targets = importedFiles
      .map((ref) => ref.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => path.resolve(path.dirname(file), name))
      .filter((target) => target.startsWith(src + path.sep));
    graph.set(file, targets);
  }
  return graph;
}

const graph = importGraph();
const rel = (file: string) => path.relative(src, file).split(path.sep).join('/');
/** `markdown` for src/markdown/x.ts, `stages.ts` for src/stages.ts. */
const area = (file: string) => rel(file).split('/')[0]!;

/** Every import from a file in `from` areas to a file in `to` areas, as `a.ts -> b.ts`. */
function imports(from: (area: string) => boolean, to: (area: string) => boolean): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    if (!from(area(file))) continue;
    for (const target of targets)
      if (to(area(target))) found.push(`${rel(file)} -> ${rel(target)}`);
  }
  return found;
}

/** The core: it knows no stage, host or command. */
const core = new Set(['assemble', 'content', 'markdown', 'diagnostics', 'schemas', 'util']);

describe('dependencies in src/', () => {
  it('has a graph to check', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get(path.join(src, 'assemble/assemble-project.ts'))).toContain(
      path.join(src, 'content/load-project.ts'),
    );
  });

  it('has no import cycles, type imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === 'open')
          cycles.push([...stack.slice(stack.indexOf(target)), target].map(rel).join(' -> '));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('lets only the CLI import the CLI', () => {
    expect(
      imports(
        (a) => a !== 'cli',
        (a) => a === 'cli',
      ),
    ).toEqual([]);
  });

  it('keeps the core free of stages, hosts and commands', () => {
    expect(
      imports(
        (a) => core.has(a),
        (a) => !core.has(a),
      ),
    ).toEqual([]);
  });

  it('keeps the Markdown plugins free of the assembler', () => {
    expect(
      imports(
        (a) => a === 'markdown',
        (a) => a === 'assemble',
      ),
    ).toEqual([]);
  });

  it('never passes configuration by changing the environment of the process', () => {
    // `process.env.X = …`, `process.env[X] = …`, `delete process.env…`, `Object.assign(process.env`
    const writes =
      /process\.env(\.\w+|\[[^\]]+\])\s*(=(?!=)|\?\?=|\|\|=)|delete\s+process\.env|Object\.assign\(\s*process\.env/;
    const found = [...graph.keys()].filter((file) => writes.test(readFileSync(file, 'utf8')));
    expect(found.map(rel)).toEqual([]);
    expect(writes.test('process.env.SRIDA_ROOT = root;')).toBe(true);
    expect(writes.test("delete process.env['SRIDA_RELEASE'];")).toBe(true);
    expect(writes.test('const a = process.env.SRIDA_ROOT === root;')).toBe(false);
  });
});
