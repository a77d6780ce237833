import { describe, expect, it } from 'vitest';
import { assembleWithMessages, chapter, documentYaml, makeProject } from '../helpers/project.ts';

/** Assemble a one-document project (`chapters/doc/`) with the given chapter files. */
async function messagesOf(files: Record<string, string | Uint8Array>, metadata = documentYaml()) {
  const root = await makeProject({ 'chapters/doc/document.yaml': metadata, ...files });
  return (await assembleWithMessages(root)).messages;
}

describe('bad input is reported at its place', () => {
  it('malformed YAML front matter', async () => {
    const messages = await messagesOf({
      'chapters/doc/01-a.md': '---\ntitle: A\nstatus: [draft\n---\nText\n',
    });
    expect(messages).toEqual([
      'chapters/doc/01-a.md:3:9: This `[` is never closed with `]` [yaml-syntax]',
    ]);
  });

  it('malformed document metadata', async () => {
    const messages = await messagesOf(
      { 'chapters/doc/01-a.md': chapter('A', 'Text') },
      'title: "unclosed\nshortTitle: T\n',
    );
    // The yaml parser gives up at the end of the file; the message points at the quote.
    expect(messages).toEqual([
      'chapters/doc/document.yaml:1:8: This quoted text never ends: the `"` opened here has no closing `"` [yaml-syntax]',
    ]);
  });

  it('a missing field, a wrong type, an unknown value and a misspelt key', async () => {
    const messages = await messagesOf({
      'chapters/doc/01-a.md':
        '---\ntitle: A\nstatus: drafty\nworkingGroup: 7\nsumary: x\n---\nText\n',
      'chapters/doc/02-b.md': '---\nstatus: final\n---\nText\n',
    });
    expect(messages).toEqual([
      'chapters/doc/01-a.md:3:9: Unknown value `drafty` for `status` [chapter-front-matter]',
      'chapters/doc/01-a.md:4:15: `workingGroup` must be text, not the number `7` [chapter-front-matter]',
      'chapters/doc/01-a.md:5:1: Unknown field `sumary` [chapter-front-matter]',
      'chapters/doc/02-b.md:2:1: Missing field `title` [chapter-front-matter]',
    ]);
  });

  it('an invalid metadata field is one error: the document is still assembled and still referenced', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml()
        .replace(/^version: .*$/m, 'version: abc')
        .replace(/^shortTitle: .*$/m, 'shortTitle: 7\nmystery: 1'),
      'chapters/doc/01-a.md': chapter('A', '\n## Scope {#scope}\n\nSee [](#scope).\n'),
      'chapters/other/document.yaml': documentYaml('Other Document'),
      'chapters/other/01-b.md': chapter('B', '\nSee [](doc#scope).\n'),
    });
    const { project, messages } = await assembleWithMessages(root);
    expect(messages).toEqual([
      'chapters/doc/document.yaml:2:13: `shortTitle` must be text, not the number `7` [document-metadata]',
      'chapters/doc/document.yaml:3:1: Unknown field `mystery` [document-metadata]',
      'chapters/doc/document.yaml:8:10: Invalid `version` (`abc`): use a semantic version such as `1.0.0` [document-metadata]',
    ]);
    expect(project.documents.map((d) => d.id).sort()).toEqual(['doc', 'other']);
    expect(
      project.files.flatMap((f) => f.messages).find((m) => m.reason.includes('version'))!.note,
    ).toBe('docs/authoring.md describes every field and its form.');
  });

  it('did-you-mean for a misspelt front matter key', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': '---\ntitle: A\nstatus: draft\nsumary: x\n---\n',
    });
    const { project } = await assembleWithMessages(root);
    const message = project.files.flatMap((f) => f.messages)[0]!;
    expect(message.note).toBe('Did you mean `summary`?');
  });

  it('duplicate chapter numbers and duplicate ids', async () => {
    const messages = await messagesOf({
      'chapters/doc/01-a.md': chapter('A', '\n## One {#same}\n\n## Two {#same}\n'),
      'chapters/doc/01-b.md': chapter('B', 'Text'),
      'chapters/doc/02-c.md': chapter('C', 'Text', 'status: draft\nid: a'),
    });
    expect(messages).toEqual([
      'chapters/doc/01-a.md:8:1: Duplicate id `same`: already used at chapters/doc/01-a.md:6:1 [id-duplicate]',
      'chapters/doc/01-b.md:1:1: Duplicate chapter number `01`: `chapters/doc/01-a.md` has it too [chapter-duplicate-number]',
      'chapters/doc/02-c.md:2:1: Duplicate chapter id `a`: `chapters/doc/01-a.md` has it too [chapter-duplicate-id]',
    ]);
  });

  it('an empty document and a chapter outside any document', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/stray.md': chapter('Stray', 'Text'),
      'chapters/nodoc/01-x.md': chapter('X', 'Text'),
    });
    const { messages } = await assembleWithMessages(root);
    expect(messages).toEqual([
      'chapters/doc/document.yaml:1:1: Document `doc` has no chapters [document-empty]',
      'chapters/nodoc/01-x.md:1:1: Chapter is outside any document: `chapters/nodoc/` has no `document.yaml` [chapter-orphan]',
      'chapters/stray.md:1:1: Chapter is outside any document [chapter-orphan]',
    ]);
  });

  it('a broken cross-reference, with a did-you-mean', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': chapter(
        'A',
        '\n## Data federation\n\nSee [](#data-federaton) and [](other#x).\n',
      ),
    });
    const { project, messages } = await assembleWithMessages(root);
    expect(messages).toEqual([
      'chapters/doc/01-a.md:8:5: Cannot find cross-reference target `#data-federaton` [xref-unknown]',
      'chapters/doc/01-a.md:8:29: Cross-reference `other#x` names no document `other` [xref-unknown-document]',
    ]);
    expect(project.files.flatMap((f) => f.messages)[0]!.note).toBe(
      'Did you mean `#data-federation`?',
    );
  });

  it('a missing image and an image without alt text', async () => {
    const messages = await messagesOf({
      'chapters/doc/01-a.md': chapter(
        'A',
        '\n:::figure{#fig-x}\n![](figures/nope.svg)\n\nCaption.\n:::\n',
      ),
    });
    expect(messages).toEqual([
      'chapters/doc/01-a.md:7:1: Image has no alt text [image-alt]',
      'chapters/doc/01-a.md:7:1: Image `figures/nope.svg` not found [image-missing]',
    ]);
  });

  it('raw HTML that would run script is removed and reported', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': chapter(
        'A',
        '\nText <abbr title="x">ok</abbr>.\n\n<script>alert(1)</script>\n\n<img src="a.png" alt="a" onerror="alert(2)">\n\n[click](javascript:alert(3))\n',
      ),
    });
    const { project, messages } = await assembleWithMessages(root);
    expect(messages).toEqual([
      'chapters/doc/01-a.md:8:1: Raw HTML `<script>` removed: it could run script or alter the page [html-unsafe]',
      'chapters/doc/01-a.md:10:1: Event handler attribute `onerror` on `<img>` removed [html-unsafe]',
      'chapters/doc/01-a.md:12:1: Link to a disallowed URL (`javascript:`) removed [html-unsafe]',
    ]);
    const html = project.documents[0]!.chapters[0]!.html;
    expect(html).toContain('<abbr title="x">ok</abbr>');
    expect(html).not.toMatch(/<script|onerror|javascript:/);
  });

  it('a file that is not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('---\ntitle: A\nstatus: draft\n---\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait\n'),
    ]);
    const messages = await messagesOf({ 'chapters/doc/01-a.md': latin1 });
    expect(messages).toEqual([
      'chapters/doc/01-a.md:5:4: File is not valid UTF-8 (byte 0xe9 at offset 34) [encoding-utf8]',
    ]);
  });

  it('a level-1 heading, an unknown block and a bad chapter file name', async () => {
    const messages = await messagesOf({
      'chapters/doc/01-a.md': chapter('A', '\n# Title again\n\n::timeline\n\n:::sidebar\nx\n:::\n'),
      'chapters/doc/Intro.md': chapter('B', 'x'),
    });
    expect(messages).toEqual([
      'chapters/doc/01-a.md:6:1: A chapter body must not contain a level-1 heading [heading-level]',
      'chapters/doc/01-a.md:8:1: Unknown block `::timeline` [directive-unknown]',
      'chapters/doc/01-a.md:10:1: Unknown block `:::sidebar` [directive-unknown]',
      'chapters/doc/Intro.md:1:1: Chapter file name `Intro.md` does not match `NN-slug.md` [chapter-name]',
    ]);
  });

  it('never throws, and a chapter with broken front matter is still read (with its slug as title)', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-good.md': chapter('Good', '\n## Fine\n'),
      'chapters/doc/02-bad.md': '---\ntitle: [\n---\n',
    });
    const { project } = await assembleWithMessages(root);
    expect(project.documents[0]!.chapters.map((c) => c.id)).toEqual(['good', 'bad']);
  });
});
