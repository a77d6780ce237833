import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMarker } from '../../src/site/output-folder.ts';
import { srida } from '../pdf/helpers.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/basic');

/** Pages and files of a built site, sorted (the proof that it is whole). */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('builds run at the same time', () => {
  it(
    'four real builds at once (two to one folder) each leave one complete site; stale folders are cleaned',
    { timeout: 300_000 },
    async () => {
      const base = await mkdtemp(path.join(tmpdir(), 'srida-parallel-'));
      const cwd = path.join(base, 'cwd');
      await mkdir(cwd);
      const [a, b, c] = ['a', 'b', 'c'].map((name) => path.join(base, name));
      const dead = deadPid();
      const stalePartial = `${c}.partial-${dead}`;
      await mkdir(path.join(stalePartial, 'half'), { recursive: true });
      const staleProfile = path.join(tmpdir(), `srida-pdf-${dead}-stale1`);
      await mkdir(staleProfile, { recursive: true });
      await writeFile(path.join(staleProfile, 'Local State'), '{}');

      const build = (out: string) =>
        srida(['build', '--root', fixture, '--out', out, '--no-pdf', '--quiet'], {}, cwd);
      const results = await Promise.all([build(a), build(b), build(c), build(c)]);
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      }
      const reference = files(a);
      expect(reference).toContain('alpha/index.html');
      expect(reference).toContain(buildMarker);
      expect(files(b)).toEqual(reference);
      expect(files(c)).toEqual(reference);
      // Nothing left beside the outputs, nothing in the working folder, stale folders gone.
      expect(readdirSync(base).sort()).toEqual(['a', 'b', 'c', 'cwd']);
      expect(readdirSync(cwd)).toEqual([]);
      expect(existsSync(staleProfile)).toBe(false);
    },
  );
});
