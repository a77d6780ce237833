import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleWithMessages, chapter, documentYaml, makeProject } from '../helpers/project.ts';

/** Messages with their hints, of a project with two documents `srida` and `blueprint`. */
async function messagesOf(body: string) {
  const root = await makeProject({
    'chapters/srida/document.yaml': documentYaml('Agenda'),
    'chapters/srida/01-a.md': chapter('A', body),
    'chapters/blueprint/document.yaml': documentYaml('Blueprint'),
    'chapters/blueprint/01-b.md': chapter(
      'B',
      '\n## Federation challenges {#federation-challenges}\n\nText.\n',
    ),
  });
  await mkdir(path.join(root, 'chapters/srida/figures'), { recursive: true });
  await writeFile(path.join(root, 'chapters/srida/figures/quantum.svg'), '<svg/>');
  const { project, messages } = await assembleWithMessages(root);
  const notes = project.files.flatMap((f) => f.messages).map((m) => `${m.ruleId}: ${m.note}`);
  return { messages, notes };
}

describe('references to what does not exist, with a did-you-mean', () => {
  it('a document that does not exist, or is misspelt', async () => {
    const { messages, notes } = await messagesOf(
      '\nSee [](nosuchdoc#x) and [](blueprnt#federation-challenges).\n',
    );
    expect(messages).toEqual([
      'chapters/srida/01-a.md:6:5: Cross-reference `nosuchdoc#x` names no document `nosuchdoc` [xref-unknown-document]',
      'chapters/srida/01-a.md:6:25: Cross-reference `blueprnt#federation-challenges` names no document `blueprnt` [xref-unknown-document]',
    ]);
    expect(notes).toEqual([
      'xref-unknown-document: Documents: `blueprint`, `srida`. A link to another page is written with a path (`./page/#id`).',
      'xref-unknown-document: Did you mean `blueprint#federation-challenges`?',
    ]);
  });

  it('an id of another document written without its prefix', async () => {
    const { messages, notes } = await messagesOf('\nSee [](#federation-challenges).\n');
    expect(messages).toEqual([
      'chapters/srida/01-a.md:6:5: Cannot find cross-reference target `#federation-challenges` in this document [xref-unknown]',
    ]);
    expect(notes).toEqual([
      'xref-unknown: `blueprint` has it: write `[](blueprint#federation-challenges)` to link to another document.',
    ]);
  });

  it('a misspelt image file name', async () => {
    const { messages, notes } = await messagesOf(
      '\n:::figure{#fig-q}\n![A diagram](figures/quantun.svg)\n\nCaption.\n:::\n',
    );
    expect(messages).toEqual([
      'chapters/srida/01-a.md:7:1: Image `figures/quantun.svg` not found [image-missing]',
    ]);
    expect(notes).toEqual([
      'image-missing: No file at `chapters/srida/figures/quantun.svg`; did you mean `quantum.svg`?',
    ]);
  });
});

describe('citations in shortened captions', () => {
  it('leave no stray punctuation in the list of tables, the tooltip or the registry', async () => {
    const root = await makeProject({
      'bibliography/works.bib':
        '@article{smith2020, author = {Smith, Ann}, title = {On scope}, journal = {J}, year = {2020}}\n',
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': chapter(
        'A',
        '\nSee [](#tbl-a).\n\n:::table{#tbl-a}\nUse cases, late 2024\n[@smith2020]. The last column is new.\n\n| a |\n| - |\n| 1 |\n:::\n',
      ),
    });
    const { project, messages } = await assembleWithMessages(root);
    expect(messages).toEqual([]);
    const table = project.documents[0]!.tables[0]!;
    expect(table.title).toBe('Use cases, late 2024. The last column is new.');
    const html = project.documents[0]!.chapters[0]!.html;
    expect(html).toContain('title="Use cases, late 2024. The last column is new."');
    // The caption itself keeps its formatted citation.
    expect(html).toMatch(
      /late 2024\s*<span class="citation"[^>]*>\(<a [^>]*>Smith, 2020<\/a>\)<\/span>\./,
    );
  });
});
