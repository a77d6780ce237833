import { describe, expect, it } from 'vitest';
import { assembleProject, type AssembledProject } from '../../src/assemble/assemble-project.ts';
import type { ExtensionFactory } from '../../src/assemble/extension.ts';
import { collectDiagnostics, formatDiagnostic } from '../../src/diagnostics/collect.ts';
import { projectStages } from '../../src/stages.ts';
import { chapter, documentYaml, makeProject } from '../helpers/project.ts';

/** Everything an assembly produced that a host reads, as comparable text. */
function snapshot(project: AssembledProject): string {
  return JSON.stringify({
    documents: project.documents.map((d) => ({
      id: d.id,
      chapters: d.chapters.map((c) => [c.id, c.number, c.html]),
      extensions: d.extensions,
    })),
    project: project.extensions,
    messages: collectDiagnostics(project.files).map(formatDiagnostic),
  });
}

/** A second project with a bibliography, a roadmap and a release manifest of its own. */
async function otherProject(): Promise<string> {
  return makeProject({
    'chapters/alpha/document.yaml': documentYaml('Alpha Plan'),
    'chapters/alpha/01-intro.md': chapter(
      'Introduction',
      '\n## Scope {#scope}\n\nAs shown by @smith2020, the scope is small [@jones2021].\n',
    ),
    'bibliography/works.bib': `@article{smith2020, author = {Smith, Ann}, title = {On scope}, journal = {J}, year = {2020}}
@book{jones2021, author = {Jones, Bo}, title = {Small things}, publisher = {P}, year = {2021}}
@misc{unused2019, author = {Nobody, N}, title = {Never cited}, year = {2019}}
`,
    'roadmap/plan.yaml': `tracks:
  - id: work
    title: Work
items:
  - id: start
    title: Start the work
    track: work
    date: 2027-01
    status: planned
    related: [alpha#scope, alpha#nowhere]
`,
  });
}

/**
 * A stage that holds each assembly at the end of loading and at its first document pass until
 * every assembly of the group is there, so that their hooks really interleave (a stage that kept
 * state in its module would then serve one project's data to the other).
 */
function meetingPoint(assemblies: number): ExtensionFactory {
  const gate = () => {
    let waiting: (() => void)[] = [];
    return () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length < assemblies) return;
        for (const release of waiting) release();
        waiting = [];
      });
  };
  const loaded = gate();
  const documentPass = gate();
  return () => {
    let first = true;
    return {
      name: 'meeting-point',
      async load() {
        await loaded();
        return [];
      },
      async document() {
        if (first) await documentPass();
        first = false;
        return {};
      },
    };
  };
}

describe('two assemblies in one process', () => {
  it('give the same results interleaved as each alone', async () => {
    const shipped = process.cwd();
    const other = await otherProject();
    const now = new Date('2026-12-02T00:00:00Z');
    const assemble = (root: string, meeting = meetingPoint(1)) =>
      assembleProject(root, { extensions: [...projectStages(), meeting], now });

    const aloneShipped = snapshot(await assemble(shipped));
    const aloneOther = snapshot(await assemble(other));
    // Started together and held at the same points, their hooks interleave.
    const meeting = meetingPoint(3);
    const [bothShipped, bothOther, againOther] = await Promise.all([
      assemble(shipped, meeting),
      assemble(other, meeting),
      assemble(other, meeting),
    ]);
    expect(snapshot(bothShipped)).toBe(aloneShipped);
    expect(snapshot(bothOther)).toBe(aloneOther);
    expect(snapshot(againOther)).toBe(aloneOther);

    // The other project really exercises every stage: its own citations, roadmap and messages.
    expect(aloneOther).toContain('Smith');
    expect(aloneOther).toContain('roadmap-item-start');
    expect(aloneOther).toContain('bibliography-unused');
    expect(aloneOther).not.toContain('HL-LHC');
    expect(aloneShipped).not.toContain('unused2019');
  });
});
