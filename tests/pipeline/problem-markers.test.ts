import { describe, expect, it } from 'vitest';
import { assembleProject } from '../../src/assemble/assemble-project.ts';
import { addDevProblems } from '../../src/site/dev-problems.ts';
import { projectStages } from '../../src/stages.ts';
import { chapter, documentYaml, makeProject } from '../helpers/project.ts';

async function broken() {
  return makeProject({
    'chapters/doc/document.yaml': documentYaml(),
    'chapters/doc/01-a.md': chapter(
      'A',
      '\n## Scope {#scope}\n\nSee [](#scop) here.\n\n:::note\nUnclosed.\n',
    ),
    'chapters/doc/02-b.md': '---\nstatus: draft\n---\n\nNo title.\n',
  });
}

describe('problem markers of the live preview', () => {
  it('put each problem in the page at its place, with file:line', async () => {
    const project = await assembleProject(await broken(), {
      extensions: projectStages(),
      markProblems: true,
    });
    addDevProblems(project);
    const [a, b] = project.documents[0]!.chapters;
    // Inline, right after the broken link.
    expect(a!.html).toContain(
      '</a><mark class="srida-problem srida-problem-error" role="note">⚠ Cannot find cross-reference target `#scop` <code>chapters/doc/01-a.md:8:5 error [xref-unknown]</code></mark> here.',
    );
    // A block problem before its block.
    expect(a!.html).toMatch(
      /<div class="srida-problem srida-problem-block" role="note"><p>⚠ `:::note` is never closed: it runs to the end of the file <code>chapters\/doc\/01-a\.md:10:1 error \[block-unclosed\]<\/code>/,
    );
    // The chapter that cannot be assembled is a page with its messages.
    expect(b!.id).toBe('b');
    expect(b!.title).toBe('02-b.md cannot be shown');
    expect(b!.html).toContain(
      '⚠ Missing field `title` <code>chapters/doc/02-b.md:2:1 error [chapter-front-matter]</code>',
    );
  });

  it('are never in a build', async () => {
    const project = await assembleProject(await broken(), { extensions: projectStages() });
    for (const c of project.documents[0]!.chapters) expect(c.html).not.toContain('srida-problem');
    expect(project.documents[0]!.chapters.map((c) => c.id)).toEqual(['a']);
  });
});
