import { describe, expect, it } from 'vitest';
import { assembleWithMessages, chapter, documentYaml, makeProject } from '../helpers/project.ts';

async function messagesOf(body: string) {
  const root = await makeProject({
    'chapters/doc/document.yaml': documentYaml(),
    'chapters/doc/01-a.md': chapter('A', body),
  });
  return (await assembleWithMessages(root)).messages;
}

describe('container blocks that are not closed', () => {
  it('a figure without its closing fence runs to the end of the file: an error at its opening', async () => {
    const messages = await messagesOf(
      '\n:::figure{#fig-a}\n![A chart](a.svg)\n\nThe caption.\n\n## Next section\n\nText.\n',
    );
    expect(messages).toContain(
      'chapters/doc/01-a.md:6:1: `:::figure` is never closed: it runs to the end of the file [block-unclosed]',
    );
  });

  it('a recommendation and a callout without their fences', async () => {
    expect(
      await messagesOf('\n:::recommendation{#rec-a title="Act"}\nDo it.\n\n## After\n'),
    ).toEqual([
      'chapters/doc/01-a.md:6:1: `:::recommendation` is never closed: it runs to the end of the file [block-unclosed]',
    ]);
    expect(await messagesOf('\n:::note\nCareful.\n\nMore text.\n')).toEqual([
      'chapters/doc/01-a.md:6:1: `:::note` is never closed: it runs to the end of the file [block-unclosed]',
    ]);
  });

  it('a block closed by the fence of the block after it', async () => {
    const messages = await messagesOf(
      '\n:::note\nFirst.\n\n:::table{#tbl-a}\nThe caption.\n\n| a |\n| - |\n| 1 |\n:::\n\nAfter.\n',
    );
    expect(messages).toContain(
      'chapters/doc/01-a.md:6:1: `:::note` is never closed: it runs to line 15, whose `:::` closes `:::table` [block-unclosed]',
    );
  });

  it('an inner block with more colons than its closing fence', async () => {
    expect(await messagesOf('\n:::note\n::::warning\nInner.\n:::\n')).toEqual([
      'chapters/doc/01-a.md:7:1: `::::warning` is never closed: it runs to line 9, whose `:::` closes `:::note` [block-unclosed]',
    ]);
  });

  it('a closing fence that closes nothing is a warning; well-formed nesting gives nothing', async () => {
    expect(await messagesOf('\nText.\n:::\n\n:::\n')).toEqual([
      'chapters/doc/01-a.md:7:1: This `:::` closes no block [block-stray-close]',
      'chapters/doc/01-a.md:9:1: This `:::` closes no block [block-stray-close]',
    ]);
    expect(
      await messagesOf(
        '\n::::note\nOuter.\n\n:::warning\nInner.\n:::\n\nStill outer.\n::::\n\n```\n:::\n```\n',
      ),
    ).toEqual([]);
  });
});
