/**
 * Test helpers: a throw-away project with `roadmap/*.yaml` files, and messages as
 * `file:line:column: reason` strings.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import { afterAll } from 'vitest';
import { loadRoadmap } from '../../src/roadmap/load-roadmap.ts';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Tracks and phases most fixtures use (as `roadmap/a-tracks.yaml`, read first). */
export const baseTracks = `tracks:
  - id: alpha
    title: Alpha
  - id: beta
    title: Beta
phases:
  - id: first
    title: First
    start: 2027
    end: 2028
    strict: true
  - id: second
    title: Second
    start: 2029-Q1
`;

/** Write the files under `roadmap/` of a fresh folder and load them. */
export async function load(files: Record<string, string | Uint8Array>) {
  const root = await mkdtemp(path.join(tmpdir(), 'roadmap-test-'));
  dirs.push(root);
  await mkdir(path.join(root, 'roadmap'));
  for (const [name, text] of Object.entries(files))
    await writeFile(path.join(root, 'roadmap', name), text);
  const result = await loadRoadmap(root);
  return { ...result, messages: messagesOf(result.files) };
}

/** Every message of the files as `roadmap/x.yaml:12:5: reason`, in reporting order per file. */
export function messagesOf(files: readonly VFile[]): string[] {
  return files.flatMap((file) =>
    file.messages.map((m) => `${m.file}:${m.line}:${m.column}: ${m.reason}`),
  );
}
