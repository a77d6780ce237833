/**
 * When srida lives in the same repository as the documents (as here), `verify-release` rebuilds
 * with the srida of the release's tag, so a later change to the tool cannot change the rebuild.
 */
import { cp, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, git, removeTempDirs, runCli, tempDir, toolRoot } from './helpers.ts';

afterAll(removeTempDirs);

describe('verify-release with the tool in the repository', () => {
  it(
    "rebuilds with the tag's srida: same bytes after the print style changed; with the running srida, different bytes",
    { timeout: 240_000 },
    async () => {
      const root = await tempDir('srida-tool-repo-');
      for (const entry of ['src', 'bin', 'package.json', 'astro.config.mjs', 'tsconfig.json'])
        await cp(path.join(toolRoot, entry), path.join(root, entry), { recursive: true });
      await cp(path.join(toolRoot, 'tests/fixtures/basic/chapters'), path.join(root, 'chapters'), {
        recursive: true,
      });
      await symlink(path.join(toolRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
      await writeFile(path.join(root, '.gitignore'), 'node_modules\ndist/\n.astro/\n');
      await git(root, 'init', '-q', '-b', 'main');
      await git(root, 'config', 'user.name', 'Test Editor');
      await git(root, 'config', 'user.email', 'editor@example.org');
      await commitAll(root, 'Tool and content');

      const released = await runCli(
        [
          'release',
          'alpha',
          '1.0.0',
          '--stage',
          'final',
          '--force',
          'test of the tool path',
          '--quiet',
        ],
        {},
        root,
      );
      expect(released.err).toBe('');
      expect(released.code).toBe(0);

      // The tool changes after the release: chapter titles print in another colour.
      const css = path.join(root, 'src/styles/print.css');
      await writeFile(
        css,
        `${await readFile(css, 'utf8')}\n.print-edition .chapter > h1 { color: #7a0000; }\n`,
      );
      await commitAll(root, 'Darker red chapter titles');

      const byTag = await runCli(['verify-release', 'alpha', '1.0.0', '--quiet'], {}, root);
      expect(byTag.code).toBe(0);
      expect(byTag.out).toMatch(
        /: (identical bytes|the bytes differ although the Chromium is the same: the text of every page is identical) .*by the tag's srida\)$/,
      );
      const byCurrent = await runCli(
        ['verify-release', 'alpha', '1.0.0', '--quiet', '--strict'],
        { SRIDA_VERIFY_TOOL: 'current' },
        root,
      );
      expect(byCurrent.err).toContain(
        'the bytes differ although the Chromium is the same: the text of every page is identical',
      );
      expect(byCurrent.err).toContain('by the running srida)');
      expect(byCurrent.code).toBe(1);

      // Tags may not travel with a clone: the release is rebuilt from the source commit its
      // manifest entry records, and the output says so.
      const source = await git(root, 'rev-parse', 'alpha-v1.0.0~1');
      await git(root, 'tag', '-d', 'alpha-v1.0.0');
      const bySource = await runCli(['verify-release', 'alpha', '1.0.0'], {}, root);
      expect(bySource.err).toBe('');
      expect(bySource.code).toBe(0);
      expect(bySource.out).toContain(
        `srida verify-release: rebuilding alpha v1.0.0 from source commit ${source.slice(0, 12)} (no tag \`alpha-v1.0.0\` here)`,
      );
      expect(bySource.out).toMatch(
        new RegExp(
          `\\(releases/alpha/1\\.0\\.0/alpha-v1\\.0\\.0-final\\.pdf, rebuilt from source commit ${source.slice(0, 12)}, as the tag is not in this clone\\): (identical bytes|the bytes differ although the Chromium is the same: the text of every page is identical) .*by the tag's srida\\)$`,
        ),
      );
    },
  );
});
