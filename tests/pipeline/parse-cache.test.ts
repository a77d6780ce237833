import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleProject, type AssembledProject } from '../../src/assemble/assemble-project.ts';
import { collectDiagnostics, formatDiagnostic } from '../../src/diagnostics/collect.ts';
import { ParseCache } from '../../src/markdown/parse-cache.ts';
import { projectStages } from '../../src/stages.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** What a reader and an author see of an assembly: every chapter's HTML and every message. */
function seen(project: AssembledProject) {
  return {
    html: project.documents.map((d) => d.chapters.map((c) => [c.id, c.html])),
    messages: collectDiagnostics(project.files).map(formatDiagnostic),
  };
}

describe('the parse cache of the dev server', () => {
  it('gives the same chapters and messages as a fresh assembly, before and after an edit', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'srida-parse-cache-'));
    dirs.push(root);
    await cp(path.resolve('tests/fixtures/basic/chapters'), path.join(root, 'chapters'), {
      recursive: true,
    });
    const cache = new ParseCache();
    const assemble = (parseCache?: ParseCache) =>
      assembleProject(root, { extensions: projectStages(), parseCache });

    const first = await assemble(cache);
    expect(seen(first)).toEqual(seen(await assemble()));
    expect(cache.size).toBe(4);
    // A second assembly from the kept trees: the stages' changes to the first trees did not leak.
    expect(seen(await assemble(cache))).toEqual(seen(first));

    const file = path.join(root, 'chapters/alpha/01-intro.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, `${text}\n\nA new paragraph with a broken link to [](#nowhere).\n`);
    const edited = await assemble(cache);
    expect(seen(edited)).toEqual(seen(await assemble()));
    expect(seen(edited).messages.join('\n')).toContain('nowhere');
    // The tree of the chapter's old text is dropped; one tree per chapter is kept.
    expect(cache.size).toBe(4);
  });
});
