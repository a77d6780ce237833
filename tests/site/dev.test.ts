import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject } from '../helpers/project.ts';

let dev: ChildProcess | undefined;

/** Stop the dev server and its children (npx → astro): the whole process group. */
function stopDev() {
  if (dev?.pid && dev.exitCode === null) {
    try {
      process.kill(-dev.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

afterAll(stopDev);

/** Poll a URL until `accept` returns true for its body (or time runs out). */
async function waitFor(
  url: string,
  accept: (body: string) => boolean,
  timeoutMs = 60_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await fetch(url).then(
      (r) => r.text(),
      () => '',
    );
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const log = (globalThis as { devLog?: () => string }).devLog?.() ?? '';
  throw new Error(
    `timed out waiting for ${url}; last body starts: ${last.slice(0, 200)}\n${log.slice(-2000)}`,
  );
}

describe('npm run dev', () => {
  it(
    'shows an edited chapter, a new cross-reference target and images without a restart',
    { timeout: 120_000 },
    async () => {
      const root = await makeProject({});
      await cp(path.resolve('tests/fixtures/basic/chapters'), path.join(root, 'chapters'), {
        recursive: true,
      });
      const port = 4600 + Math.floor(Math.random() * 300);
      // A clean environment: Vitest's own variables (VITEST, NODE_ENV=test) change how Vite runs.
      const env = Object.fromEntries(
        Object.entries(process.env).filter(
          ([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST',
        ),
      );
      let log = '';
      dev = spawn('npx', ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
        env: { ...env, SRIDA_ROOT: root, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      dev.stdout!.on('data', (chunk) => (log += chunk));
      dev.stderr!.on('data', (chunk) => (log += chunk));
      dev.on('exit', (code) => (log += `\n[exited ${code}]`));
      process.on('exit', stopDev);
      (globalThis as { devLog?: () => string }).devLog = () => log;
      const url = `http://127.0.0.1:${port}/alpha/intro/`;
      await waitFor(url, (body) => body.includes('Some text with a footnote.'));

      const chapterPath = path.join(root, 'chapters/alpha/01-intro.md');
      const source = await readFile(chapterPath, 'utf8');
      await writeFile(
        chapterPath,
        source
          .replace('Some text with a footnote.', 'Edited while the server runs.')
          .replace('## Scope {#scope}', '## Renamed scope {#scope}'),
      );
      await waitFor(url, (body) => body.includes('Edited while the server runs.'));
      // The other document's reference to #scope is re-resolved with the new title.
      await waitFor(`http://127.0.0.1:${port}/alpha/appendix/`, (body) =>
        body.includes('Section 1.1 <span class="xref-title">Renamed scope</span>'),
      );
      const image = await fetch(
        `http://127.0.0.1:${port}/media/chapters/alpha/figures/diagram.svg`,
      );
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/svg+xml');
    },
  );
});
