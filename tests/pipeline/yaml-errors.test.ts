import { describe, expect, it } from 'vitest';
import { assembleWithMessages, chapter, documentYaml, makeProject } from '../helpers/project.ts';

/** Messages of a one-document project whose `document.yaml` is `metadata`. */
async function metadataMessages(metadata: string, files: Record<string, string> = {}) {
  const root = await makeProject({
    'chapters/doc/document.yaml': metadata,
    'chapters/doc/01-a.md': chapter('A', '\n## Scope {#scope}\n\nSee [](#scope).\n'),
    ...files,
  });
  return (await assembleWithMessages(root)).messages;
}

/** Lines of a "billion laughs": nine levels of nine aliases each. */
function aliasBomb(indent = ''): string {
  const lines = [`${indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
  for (let level = 1; level < 9; level++) {
    const refs = Array.from({ length: 9 }, () => `*l${level - 1}`).join(', ');
    lines.push(`${indent}l${level}: &l${level} [${refs}]`);
  }
  return lines.join('\n');
}

describe('YAML syntax errors: one message, in plain words, at the place', () => {
  it('a list item indented 3 spaces where the items above use 4', async () => {
    const metadata = documentYaml().replace(
      'editors:\n  - name: Test Editor\n',
      'editors:\n    - name: Test Editor\n   - name: Second Editor\n',
    );
    expect(await metadataMessages(metadata)).toEqual([
      'chapters/doc/document.yaml:5:4: This line is indented 3 spaces; the items above use 4 [yaml-syntax]',
    ]);
  });

  it('a key indented deeper than its sibling', async () => {
    const metadata = documentYaml().replace('language: en', '   language: en');
    expect(await metadataMessages(metadata)).toEqual([
      'chapters/doc/document.yaml:6:4: This line is indented 3 spaces, deeper than the line above (0), which does not open a block [yaml-syntax]',
    ]);
  });

  it('a tab as indentation', async () => {
    const metadata = documentYaml().replace('  - name: Test Editor', '\t- name: Test Editor');
    expect(await metadataMessages(metadata)).toEqual([
      'chapters/doc/document.yaml:4:1: This line is indented with a tab [yaml-syntax]',
    ]);
  });

  it('a stray `: ` inside a value', async () => {
    const metadata = documentYaml().replace(
      'abstract: A test document.',
      'abstract: Note: a test document.',
    );
    expect(await metadataMessages(metadata)).toEqual([
      'chapters/doc/document.yaml:5:15: This value contains `: `, which YAML reads as the start of another key [yaml-syntax]',
    ]);
  });

  it('an unclosed quote points at the line where the quote opens, the library text in the hint', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md':
        '---\ntitle: "Unclosed title\nstatus: draft\nsummary: Text\n---\n\nBody.\n',
    });
    const { project, messages } = await assembleWithMessages(root);
    expect(messages).toEqual([
      'chapters/doc/01-a.md:2:8: This quoted text never ends: the `"` opened here has no closing `"` [yaml-syntax]',
    ]);
    expect(project.files.flatMap((f) => f.messages)[0]!.note).toBe(
      'End the value with `"`, or remove the opening one. (YAML parser: Missing closing "quote, MISSING_CHAR.)',
    );
  });

  it('a key written twice', async () => {
    const metadata = documentYaml().replace('language: en', 'language: en\nlanguage: de');
    expect(await metadataMessages(metadata)).toEqual([
      'chapters/doc/document.yaml:7:1: The key `language` is written twice in the same mapping [yaml-syntax]',
    ]);
  });

  it('a broken document.yaml is one error: the document, its references, the roadmap and its manifest are still checked', async () => {
    const metadata = documentYaml().replace('language: en', '  language: en');
    const messages = await metadataMessages(metadata, {
      'chapters/other/document.yaml': documentYaml('Other Document'),
      'chapters/other/01-b.md': chapter('B', '\nSee [](doc#scope) and [](doc#a).\n'),
      'roadmap/items.yaml': `tracks:
  - id: t
    title: Track
items:
  - id: m
    title: Milestone
    track: t
    status: planned
    date: 2027
    related: [doc#scope]
`,
      'releases/doc/releases.yaml': 'document: doc\nreleases: []\n',
    });
    expect(messages).toEqual([
      'chapters/doc/document.yaml:6:3: This line is indented 2 spaces, deeper than the line above (0), which does not open a block [yaml-syntax]',
    ]);
  });

  it('a broken roadmap file is one error, not one per item that names its tracks', async () => {
    const messages = await metadataMessages(documentYaml(), {
      'roadmap/a-tracks.yaml': 'tracks:\n  - id: t\n    title: "Track\n',
      'roadmap/b-items.yaml': `items:
  - id: m
    title: Milestone
    track: t
    status: planned
    date: 2027
  - id: n
    title: Next
    track: t
    status: planned
    date: 2028
    dependsOn: [m, elsewhere]
`,
    });
    expect(messages).toEqual([
      'roadmap/a-tracks.yaml:3:12: This quoted text never ends: the `"` opened here has no closing `"` [yaml-syntax]',
    ]);
  });
});

describe('a YAML alias bomb is a positioned error, not a crash', () => {
  it('in document.yaml', async () => {
    expect(await metadataMessages(`${documentYaml()}${aliasBomb()}\n`)).toEqual([
      'chapters/doc/document.yaml:12:10: Too many YAML aliases: expanding them would make this file enormous [yaml-alias-limit]',
    ]);
  });

  it('in front matter, a roadmap file and a glossary file', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': `---\ntitle: A\nstatus: draft\n${aliasBomb()}\n---\n\nBody.\n`,
      'roadmap/items.yaml': `${aliasBomb()}\n`,
      'glossary/terms.yaml': `${aliasBomb()}\n`,
    });
    const { messages } = await assembleWithMessages(root);
    expect(messages).toEqual([
      'chapters/doc/01-a.md:5:10: Too many YAML aliases: expanding them would make this file enormous [yaml-alias-limit]',
      'glossary/terms.yaml:2:10: Too many YAML aliases: expanding them would make this file enormous [yaml-alias-limit]',
      'roadmap/items.yaml:2:10: Too many YAML aliases: expanding them would make this file enormous [yaml-alias-limit]',
    ]);
  });
});

describe('schema messages are written for authors', () => {
  it('never pass on Zod English, and offer a did-you-mean for values and keys', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml()
        .replace('status: draft', 'status: consultaton')
        .replace('licence: CC-BY-4.0', 'licence: ""\nkeywords: 3\neditrs: []'),
      'chapters/doc/01-a.md': '---\ntitle: A\nstatus: fianl\nkind: apendix\nowners: [""]\n---\n',
    });
    const { project, messages } = await assembleWithMessages(root);
    expect(messages).toEqual([
      'chapters/doc/01-a.md:3:9: Unknown value `fianl` for `status` [chapter-front-matter]',
      'chapters/doc/01-a.md:4:7: Unknown value `apendix` for `kind` [chapter-front-matter]',
      'chapters/doc/01-a.md:5:10: `owners[0]` must not be empty [chapter-front-matter]',
      'chapters/doc/document.yaml:8:9: Unknown value `consultaton` for `status` [document-metadata]',
      'chapters/doc/document.yaml:10:10: `licence` must not be empty [document-metadata]',
      'chapters/doc/document.yaml:11:11: `keywords` must be a list, not the number `3` [document-metadata]',
      'chapters/doc/document.yaml:12:1: Unknown field `editrs` [document-metadata]',
    ]);
    const notes = project.files.flatMap((f) => f.messages).map((m) => m.note);
    expect(notes).toContain('Did you mean `final`? Use one of `draft`, `review`, `final`.');
    expect(notes).toContain('Did you mean `appendix`? Use one of `front`, `chapter`, `appendix`.');
    expect(notes).toContain(
      'Did you mean `consultation`? Use one of `draft`, `consultation`, `final`.',
    );
    expect(notes).toContain('Did you mean `editors`?');
    for (const message of messages)
      expect(message).not.toMatch(/Invalid (input|option)|expected .* received|Too (small|big)/);
  });
});
