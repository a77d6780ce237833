/**
 * The citeproc speed-ups (src/citations/citeproc-speedups.ts) replace citeproc internals: they
 * are installed only for the citeproc version they were checked against (package.json pins it
 * with `overrides`), and with them the output is byte for byte the output without them.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { verifiedCiteprocVersions } from '../../src/citations/citeproc-speedups.ts';

const run = promisify(execFile);
const toolRoot = path.resolve(import.meta.dirname, '../..');
const script = path.join(import.meta.dirname, 'speedups/format-corpus.ts');

async function formatCorpus(env: Record<string, string>) {
  const { stdout } = await run(process.execPath, [script], {
    cwd: toolRoot,
    // No disk cache and no workers: each run formats everything itself, in this one process.
    env: { ...process.env, SRIDA_CACHE: '0', SRIDA_CITATION_WORKERS: '0', ...env },
    maxBuffer: 1 << 28,
  });
  return stdout;
}

describe('citeproc speed-ups', () => {
  test('are pinned: the installed citeproc is the verified version, which package.json pins', () => {
    const fromPlugin = createRequire(
      createRequire(import.meta.url).resolve('@citation-js/plugin-csl'),
    );
    const installed = (fromPlugin('citeproc/package.json') as { version: string }).version;
    const pkg = JSON.parse(readFileSync(path.join(toolRoot, 'package.json'), 'utf8')) as {
      overrides?: Record<string, string>;
    };
    expect(pkg.overrides?.citeproc).toBe(installed);
    expect(verifiedCiteprocVersions).toContain(installed);
  });

  test(
    'format the fixtures and a generated corpus to the same bytes as citeproc alone',
    { timeout: 180_000 },
    async () => {
      const [without, withSpeedups] = await Promise.all([
        formatCorpus({ SRIDA_CITEPROC_SPEEDUPS: '0' }),
        formatCorpus({}),
      ]);
      const a = JSON.parse(without) as { speedups: string; items: number };
      const b = JSON.parse(withSpeedups) as { speedups: string; items: number };
      expect(a.speedups).toBe('disabled');
      expect(b.speedups).toBe('installed');
      expect(b.items).toBeGreaterThan(300);
      expect(withSpeedups.replace('"speedups":"installed"', '')).toBe(
        without.replace('"speedups":"disabled"', ''),
      );
    },
  );
});
