import { describe, expect, it } from 'vitest';
import { assembleWithMessages, chapter, documentYaml, makeProject } from '../helpers/project.ts';

describe('order of chapters and appendices', () => {
  it('a chapter after the appendices is a warning naming its file', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': chapter('A', 'Text.\n'),
      'chapters/doc/02-x.md': chapter('X', 'Text.\n', 'status: draft\nkind: appendix'),
      'chapters/doc/03-late.md': chapter('Late', 'Text.\n'),
    });
    const { project, messages } = await assembleWithMessages(root);
    expect(messages).toEqual([
      'chapters/doc/03-late.md:1:1: Chapter `late` comes after the appendix `chapters/doc/02-x.md` [chapter-after-appendix]',
    ]);
    expect(project.files.flatMap((f) => f.messages)[0]!.note).toBe(
      'Chapters are ordered by their file number: give this one a number before the appendices, or set `kind: appendix`.',
    );
    expect(project.files.flatMap((f) => f.messages)[0]!.fatal).toBe(false);
  });
});

describe('a level-1 heading as the title (Quarto habit)', () => {
  it('is the title when it opens the body and the front matter has none', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': '---\nstatus: draft\n---\n\n# Data federation {#ignored}\n\nText.\n',
    });
    const { project, messages } = await assembleWithMessages(root);
    expect(messages).toEqual([]);
    const only = project.documents[0]!.chapters[0]!;
    expect(only.title).toBe('Data federation');
    expect(only.html).not.toContain('<h1');
  });

  it('is an error anywhere else, with a hint that says when it would be the title', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': chapter('A', '\nText.\n\n# Late heading\n'),
    });
    const { project, messages } = await assembleWithMessages(root);
    expect(messages).toEqual([
      'chapters/doc/01-a.md:8:1: A chapter body must not contain a level-1 heading [heading-level]',
    ]);
    expect(project.files.flatMap((f) => f.messages)[0]!.note).toBe(
      'The front matter `title` is the chapter heading; start sections with `##`. (A `# Title` is taken as the title only as the first line of the body, when the front matter has no `title`.)',
    );
  });
});
