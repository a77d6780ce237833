import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearCitationCaches } from '../../src/citations/index.ts';
import {
  diskCacheDir,
  knownSources,
  readResult,
  writeResult,
} from '../../src/citations/disk-cache.ts';
import type { FormatResult } from '../../src/citations/format-document.ts';
import { assemble, chapter, documentYaml, html, makeProject } from './helpers.ts';

const repository = path.resolve(import.meta.dirname, '../..');
const bib =
  '@book{adams, author = {Adams, Ann}, title = {Alpha}, publisher = {P}, year = 2001}\n@book{baker, author = {Baker, Bo}, title = {Beta}, publisher = {P}, year = 2002}\n';

/** A project whose root has a `node_modules` folder, so that it gets a disk cache. */
async function project(body = '\nAs shown [@adams].\n') {
  const root = await makeProject({
    'chapters/doc/document.yaml': documentYaml(),
    'chapters/doc/01-a.md': chapter('A', body),
    'bibliography/refs.bib': bib,
  });
  mkdirSync(path.join(root, 'node_modules'));
  return { root, dir: path.join(root, 'node_modules/.cache/srida/citations') };
}

const files = (dir: string, extension: string) =>
  readdirSync(dir).filter((name) => name.endsWith(extension));

/** What a new process would see: nothing formatted in memory. */
async function assembleAsNewProcess(root: string) {
  clearCitationCaches();
  return assemble(root);
}

afterEach(() => {
  delete process.env.SRIDA_CACHE;
  delete process.env.SRIDA_CACHE_DIR;
});

describe('formatted citations kept on disk between processes', () => {
  it('a later process uses the stored result; a changed citation is formatted afresh', async () => {
    const { root, dir } = await project();
    const first = await assembleAsNewProcess(root);
    expect(html(first.project, 'doc', 'a')).toContain('Adams, 2001');
    expect(files(dir, '.json')).toHaveLength(1);
    // The stored result is what a later process uses: alter it and the alteration shows.
    const [stored] = files(dir, '.json');
    const file = path.join(dir, stored!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Adams, 2001', 'Stored, 1999'));
    const second = await assembleAsNewProcess(root);
    expect(html(second.project, 'doc', 'a')).toContain('Stored, 1999');
    // Another citation: another job, formatted by citeproc, stored beside the first.
    writeFileSync(
      path.join(root, 'chapters/doc/01-a.md'),
      chapter('A', '\nAs shown [@adams; @baker].\n'),
    );
    const third = await assembleAsNewProcess(root);
    expect(html(third.project, 'doc', 'a')).toContain('Adams, 2001');
    expect(html(third.project, 'doc', 'a')).toContain('Baker, 2002');
    expect(files(dir, '.json')).toHaveLength(2);
  });

  it('an unreadable stored result is ignored, formatted again and replaced', async () => {
    const { root, dir } = await project();
    await assembleAsNewProcess(root);
    const file = path.join(dir, files(dir, '.json')[0]!);
    writeFileSync(file, '{"clusters": [');
    const again = await assembleAsNewProcess(root);
    expect(html(again.project, 'doc', 'a')).toContain('Adams, 2001');
    expect(JSON.parse(readFileSync(file, 'utf8')).clusters).toHaveLength(1);
  });

  it('a change of style is a new result, not the stored one', async () => {
    const { root } = await project();
    await assembleAsNewProcess(root);
    writeFileSync(
      path.join(root, 'chapters/doc/document.yaml'),
      documentYaml('Test Document', 'citationStyle: vancouver\n'),
    );
    const numeric = await assembleAsNewProcess(root);
    expect(html(numeric.project, 'doc', 'a')).toMatch(/>\(?1\)?</);
    expect(html(numeric.project, 'doc', 'a')).not.toContain('Adams, 2001');
  });

  it('remembers the sources a result was made from, so that the next run knows it needs no engine', async () => {
    const { root, dir } = await project();
    await assembleAsNewProcess(root);
    const [sources] = files(dir, '.sources');
    expect(sources).toBeDefined();
    expect(knownSources(dir, sources!.replace(/\.sources$/, ''))).toBe(true);
    expect(`${readFileSync(path.join(dir, sources!), 'utf8')}.json`).toBe(files(dir, '.json')[0]);
    // A prose edit: other sources, same citations; the same result serves both.
    writeFileSync(
      path.join(root, 'chapters/doc/01-a.md'),
      chapter('A', '\nAs was shown [@adams].\n'),
    );
    await assembleAsNewProcess(root);
    expect(files(dir, '.sources')).toHaveLength(2);
    expect(files(dir, '.json')).toHaveLength(1);
    expect(knownSources(dir, 'f'.repeat(40))).toBe(false);
  });

  it('is off for roots without node_modules, with SRIDA_CACHE=0, and moves with SRIDA_CACHE_DIR', async () => {
    const bare = await makeProject({ 'chapters/doc/document.yaml': documentYaml() });
    expect(diskCacheDir(bare)).toBeUndefined();
    const { root, dir } = await project();
    expect(diskCacheDir(root)).toBe(dir);
    process.env.SRIDA_CACHE_DIR = path.join(bare, 'elsewhere');
    expect(diskCacheDir(root)).toBe(path.join(bare, 'elsewhere/citations'));
    for (const off of ['false', 'OFF', 'no']) {
      process.env.SRIDA_CACHE = off;
      expect(diskCacheDir(root), off).toBeUndefined();
    }
    process.env.SRIDA_CACHE = '1';
    expect(diskCacheDir(root)).toBe(path.join(bare, 'elsewhere/citations'));
    process.env.SRIDA_CACHE = '0';
    expect(diskCacheDir(root)).toBeUndefined();
    await assembleAsNewProcess(root);
    expect(() => readdirSync(dir)).toThrow();
  });

  it('keeps the 24 most recently used results', async () => {
    const { root } = await project();
    const dir = path.join(root, 'cache');
    const result: FormatResult = {
      clusters: ['x'],
      bibliography: [],
      layout: { hangingIndent: false, secondFieldAlign: false, lineSpacing: 1, entrySpacing: 1 },
      numbers: {},
    };
    const keys = Array.from({ length: 30 }, (_, index) => index.toString(16).padStart(40, '0'));
    for (const [index, key] of keys.entries()) {
      await writeResult(dir, key, result);
      // Distinct times, oldest first (a file system may round mtimes).
      const time = new Date(Date.UTC(2026, 0, 1, 0, index));
      utimesSync(path.join(dir, `${key}.json`), time, time);
    }
    await writeResult(dir, 'f'.repeat(40), result);
    expect(files(dir, '.json').sort()).toEqual(
      [...keys.slice(7), 'f'.repeat(40)].map((key) => `${key}.json`).sort(),
    );
    expect(readResult(dir, keys[7]!)).toEqual(result);
    expect(readResult(dir, keys[0]!)).toBeUndefined();
  });

  it('srida check writes the cache and a second run reads it, with the same report', async () => {
    const { root, dir } = await project('\nAs shown [@adams] and [@nobody].\n');
    const check = () => {
      const run = spawnSync(
        process.execPath,
        [path.join(repository, 'bin/srida.mjs'), 'check', '--root', root],
        { encoding: 'utf8', env: { ...process.env, CI: 'true' } },
      );
      expect(run.status).toBe(1);
      return `${run.stdout}${run.stderr}`;
    };
    const first = check();
    expect(first).toContain('chapters/doc/01-a.md:6:24');
    expect(first).toContain('Unknown citation key `nobody`');
    expect(files(dir, '.json')).toHaveLength(1);
    const stored = readFileSync(path.join(dir, files(dir, '.json')[0]!), 'utf8');
    const second = check();
    expect(second.replace(/\(\d+ ms\)/, '')).toBe(first.replace(/\(\d+ ms\)/, ''));
    expect(readFileSync(path.join(dir, files(dir, '.json')[0]!), 'utf8')).toBe(stored);
  });
});
