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
