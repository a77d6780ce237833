import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { makeProject } from '../helpers/project.ts';

let dev: DevServer | undefined;
afterAll(() => dev?.stop());

describe('npm run dev', () => {
  it(
    'shows an edited chapter, a new cross-reference target and images without a restart',
    { timeout: 120_000 },
    async () => {
      const root = await makeProject({});
      await cp(path.resolve('tests/fixtures/basic/chapters'), path.join(root, 'chapters'), {
        recursive: true,
      });
      dev = await startDevServer(root);
      const url = '/alpha/intro/';
      await dev.waitFor(url, (body) => body.includes('Some text with a footnote.'));

      const chapterPath = path.join(root, 'chapters/alpha/01-intro.md');
      const source = await readFile(chapterPath, 'utf8');
      await writeFile(
        chapterPath,
        source
          .replace('Some text with a footnote.', 'Edited while the server runs.')
          .replace('## Scope {#scope}', '## Renamed scope {#scope}'),
      );
      await dev.waitFor(url, (body) => body.includes('Edited while the server runs.'));
      // The other document's reference to #scope is re-resolved with the new title.
      await dev.waitFor('/alpha/appendix/', (body) =>
        body.includes('Section 1.1 <span class="xref-title">Renamed scope</span>'),
      );
      const image = await fetch(`${dev.base}/media/chapters/alpha/figures/diagram.svg`);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/svg+xml');
    },
  );
});
