import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMarker, checkOutputFolder } from '../../src/site/output-folder.ts';
import { hostileProject, run } from './helpers.ts';

/** Every file under `dir` (relative paths, sorted): the proof that nothing was touched. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe('--out that overlaps the content is refused, nothing touched', async () => {
  const root = await hostileProject('Some text.', {
    'releases/keep.txt': 'keep',
    'notes.txt': 'x',
  });
  const parent = path.dirname(root);
  const linkToRoot = path.join(await mkdtemp(path.join(tmpdir(), 'srida-link-')), 'root');
  await symlink(root, linkToRoot);
  const cases: [string, string][] = [
    ['the root itself', root],
    ['the root with a trailing slash', `${root}/`],
    ['the root through `..`', path.join(root, 'chapters', '..')],
    ['a folder of the root', path.join(root, 'chapters')],
    ['a deeper folder of the root', path.join(root, 'chapters', 'doc')],
    ['a new folder inside the root', path.join(root, 'site')],
    ['a new folder inside a content folder', path.join(root, 'chapters', 'new')],
    ['the parent of the root', parent],
    ['the file-system root', '/'],
    ['a symbolic link to the root', linkToRoot],
    ['a new folder under a symbolic link to the root', path.join(linkToRoot, 'x')],
  ];
  const before = listing(root);
  for (const [name, out] of cases) {
    it(`refuses ${name}`, async () => {
      const result = await run(['build', '--root', root, '--out', out, '--no-pdf']);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(
        /srida build: refused: `--out .*` (is|contains|lies inside) the content root/,
      );
      expect(result.err).toContain('Nothing was changed');
      expect(result.err).not.toMatch(/\n\s+at /);
      expect(listing(root)).toEqual(before);
    });
  }

  it('refuses a folder inside (or containing) the git repository of the root', async () => {
    const repo = await mkdtemp(path.join(tmpdir(), 'srida-repo-'));
    spawnSync('git', ['init', '-q', repo]);
    const content = path.join(repo, 'content');
    await mkdir(path.join(content, 'chapters', 'doc'), { recursive: true });
    await writeFile(path.join(repo, 'README.md'), 'repo');
    for (const out of [path.join(repo, 'site'), repo, path.join(repo, '.git')]) {
      const result = await run(['build', '--root', content, '--out', out, '--no-pdf']);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(
        out === repo ? /contains the content root/ : /lies inside the git repository/,
      );
    }
    expect(await readFile(path.join(repo, 'README.md'), 'utf8')).toBe('repo');
  });

  it('`srida pdf` refuses the same overlaps (it writes into `<out>/pdf/`)', async () => {
    for (const out of [root, path.join(root, 'chapters'), parent]) {
      const result = await run(['pdf', '--root', root, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(
        /^srida pdf: refused: `--out .*` (is|contains|lies inside) the content root/,
      );
    }
    expect(listing(root)).toEqual(before);
  });

  it('allows the default `<root>/dist` and a new folder outside', () => {
    expect(checkOutputFolder(root, path.join(root, 'dist')).ok).toBe(true);
    expect(checkOutputFolder(root, path.join(tmpdir(), 'srida-new-out-x')).ok).toBe(true);
  });
});

describe('a folder the tool did not create is never replaced', () => {
  it('refuses a non-empty folder without the build marker, and a file', async () => {
    const root = await hostileProject('Some text.');
    const out = await mkdtemp(path.join(tmpdir(), 'srida-foreign-'));
    await writeFile(path.join(out, 'thesis.tex'), 'precious');
    const result = await run(['build', '--root', root, '--out', out, '--no-pdf']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('is a folder that srida did not build');
    expect(await readFile(path.join(out, 'thesis.tex'), 'utf8')).toBe('precious');
    const file = path.join(out, 'thesis.tex');
    const asFile = await run(['build', '--root', root, '--out', file, '--no-pdf']);
    expect(asFile.code).toBe(2);
    expect(asFile.err).toContain('is a file');
  });

  it('accepts an empty folder and a previous build (marker present)', async () => {
    const root = await hostileProject('Some text.');
    const empty = await mkdtemp(path.join(tmpdir(), 'srida-empty-'));
    expect(checkOutputFolder(root, empty).ok).toBe(true);
    await writeFile(path.join(empty, 'index.html'), '<p>old</p>');
    expect(checkOutputFolder(root, empty).ok).toBe(false);
    await writeFile(path.join(empty, buildMarker), '');
    expect(checkOutputFolder(root, empty).ok).toBe(true);
    expect(existsSync(path.join(empty, 'index.html'))).toBe(true);
  });
});
