import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsOf } from '../../src/anchors/anchors-data.ts';
import { assembleProject } from '../../src/assemble/assemble-project.ts';
import { projectStages } from '../../src/stages.ts';
import { chapter, chapterHtml, documentYaml, makeProject } from '../helpers/project.ts';

/** One chapter with a block of every kind. */
const body = `Opening paragraph of the chapter, before any section.

## Federation {#federation}

A paragraph of the section with a footnote.[^a]

- First item of the list
- Second item, with a nested list:
  - Nested item one

> A quotation from an expert of the field.

| Site | Storage |
| --- | --- |
| A | 10 PB |

:::figure{#fig-map}
![The map of sites](figures/map.svg)
:::

:::recommendation{#rec-one title="Federate storage"}
Federate the storage of the sites.
:::

:::note
A callout with a note for readers.
:::

A paragraph with its own id. {#para-own}

[^a]: The footnote text.
`;

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

async function project(extra = '', status = 'draft') {
  return makeProject({
    'chapters/doc/document.yaml': documentYaml('Test Document', extra).replace(
      'status: draft',
      `status: ${status}`,
    ),
    'chapters/doc/01-one.md': chapter('One', body),
    'chapters/doc/figures/map.svg': svg,
  });
}

describe('anchors in an assembly', () => {
  it('anchors every kind of block, with references per section, and explicit ids win', async () => {
    const root = await project();
    const assembled = await assembleProject(root, { extensions: projectStages() });
    const data = anchorsOf(assembled.documents[0]!)!;
    expect(data.blocks.map((b) => [b.kind, b.ref])).toEqual([
      ['paragraph', '1 ¶1'],
      ['paragraph', '1.1 ¶1'],
      ['item', '1.1 ¶2'],
      ['item', '1.1 ¶3'],
      ['item', '1.1 ¶4'],
      ['quote', '1.1 ¶5'],
      ['table', '1.1 ¶6'],
      ['figure', '1.1 ¶7'],
      ['recommendation', '1.1 ¶8'],
      ['callout', '1.1 ¶9'],
      ['paragraph', '1.1 ¶10'],
      ['footnote', '1.1 ¶11'],
    ]);
    const byKind = Object.fromEntries(data.blocks.map((b) => [b.ref, b]));
    expect(byKind['1.1 ¶7']!.anchor).toBe('fig-map');
    expect(byKind['1.1 ¶8']!.anchor).toBe('rec-one');
    expect(byKind['1.1 ¶10']!.anchor).toBe('para-own');
    expect(byKind['1.1 ¶11']!.text).toBe('The footnote text.');
    const html = chapterHtml(assembled, 'doc', 'one');
    for (const block of data.blocks) {
      expect(html).toContain(`id="${block.anchor}"`);
    }
    expect(html).toMatch(new RegExp(`<li id="${byKind['1.1 ¶2']!.anchor}"`));
    expect(html).toMatch(new RegExp(`<blockquote id="${byKind['1.1 ¶5']!.anchor}"`));
    expect(html).toMatch(
      new RegExp(`<div class="table-block[^"]*" id="${byKind['1.1 ¶6']!.anchor}"`),
    );
    expect(html).toMatch(
      new RegExp(`<aside class="callout callout-note[^"]*" id="${byKind['1.1 ¶9']!.anchor}"`),
    );
    expect(html).toContain('<p id="para-own"');
    expect(html).not.toContain('{#para-own}');
  });

  it('writes the state only when asked, and a fresh assembly from it gives the same anchors', async () => {
    const root = await project();
    const first = await assembleProject(root, { extensions: projectStages() });
    await expect(readFile(path.join(root, 'anchors/doc.jsonl'), 'utf8')).rejects.toThrow();
    await assembleProject(root, { extensions: projectStages({ writeAnchors: true }) });
    const state = await readFile(path.join(root, 'anchors/doc.jsonl'), 'utf8');
    expect(state.trimEnd().split('\n')).toHaveLength(9); // the blocks without an explicit id
    const again = await assembleProject(root, { extensions: projectStages() });
    const anchors = (p: typeof first) => anchorsOf(p.documents[0]!)!.blocks.map((b) => b.anchor);
    expect(anchors(again)).toEqual(anchors(first));
    // Nothing changed: the file is not rewritten.
    await assembleProject(root, { extensions: projectStages({ writeAnchors: true }) });
    expect(await readFile(path.join(root, 'anchors/doc.jsonl'), 'utf8')).toBe(state);
  });

  it('keeps anchors across an edit of the chapter file, through the state', async () => {
    const root = await project();
    const before = await assembleProject(root, {
      extensions: projectStages({ writeAnchors: true }),
    });
    const old = anchorsOf(before.documents[0]!)!.blocks;
    const edited = body
      .replace(
        'Opening paragraph of the chapter',
        'A new first paragraph.\n\nOpening paragraph of this chapter',
      )
      .replace('> A quotation from an expert of the field.', '')
      .replace('A callout with a note for readers.', 'A callout with a short note for readers.');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(root, 'chapters/doc/01-one.md'), chapter('One', edited));
    const after = anchorsOf(
      (await assembleProject(root, { extensions: projectStages({ writeAnchors: true }) }))
        .documents[0]!,
    )!.blocks;
    const find = (blocks: typeof old, kind: string, text: string) =>
      blocks.find((b) => b.kind === kind && b.text.includes(text))!.anchor;
    expect(find(after, 'paragraph', 'Opening paragraph')).toBe(
      find(old, 'paragraph', 'Opening paragraph'),
    );
    expect(find(after, 'callout', 'callout with')).toBe(find(old, 'callout', 'callout with'));
    expect(find(after, 'item', 'Nested item')).toBe(find(old, 'item', 'Nested item'));
    expect(old.map((b) => b.anchor)).not.toContain(find(after, 'paragraph', 'A new first'));
    const state = await readFile(path.join(root, 'anchors/doc.jsonl'), 'utf8');
    expect(state).toContain(
      `{"anchor":"${find(old, 'quote', 'quotation')}","chapter":"one","retired":true`,
    );
  });
});
