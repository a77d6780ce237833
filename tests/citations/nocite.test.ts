import { describe, expect, it } from 'vitest';
import { assemble, chapter, documentYaml, html, makeProject } from './helpers.ts';

const bib = [
  '@book{adams, author = {Adams, Ann}, title = {Alpha}, publisher = {P}, year = 2001}',
  '@book{baker, author = {Baker, Bo}, title = {Beta}, publisher = {P}, year = 2002}',
  '@book{clark, author = {Clark, Cy}, title = {Gamma}, publisher = {P}, year = 2003}',
  '@book{davis, author = {Davis, Di}, title = {Delta}, publisher = {P}, year = 2004}',
].join('\n');

/** A one-document project citing `adams`, with extra lines in document.yaml. */
async function project(extra: string, body = '\nAs shown [@adams].\n') {
  return makeProject({
    'chapters/doc/document.yaml': documentYaml('Test Document', extra),
    'chapters/doc/01-a.md': chapter('A', body),
    'bibliography/refs.bib': `${bib}\n`,
  });
}

const unused = (messages: string[]) =>
  messages
    .filter((message) => message.includes('[bibliography-unused]'))
    .map((message) => /`(\w+)`/.exec(message)![1]);

describe('nocite: works in the reference list without being cited', () => {
  it('lists `@key, @key` after the cited works, without back-links, and they count as used', async () => {
    const {
      project: assembled,
      messages,
      data,
    } = await assemble(await project('nocite: "@baker, @clark"\n'));
    const entries = data('doc').entries;
    expect(entries.map((entry) => entry.key)).toEqual(['adams', 'baker', 'clark']);
    expect(entries.map((entry) => entry.citedAt.length)).toEqual([1, 0, 0]);
    expect(html(assembled, 'doc', 'references')).toContain('Baker, B. (2002). <i>Beta</i>');
    expect(html(assembled, 'doc', 'references').match(/Cited in/g)).toHaveLength(1);
    // Only the one cited work is in the chapter's own list.
    expect(data('doc').byChapterKeys.a).toEqual(['adams']);
    expect(unused(messages)).toEqual(['davis']);
  });

  it('takes a YAML list of keys, with or without `@`', async () => {
    const { data } = await assemble(await project('nocite:\n  - davis\n  - "@baker"\n'));
    expect(data('doc').entries.map((entry) => entry.key)).toEqual(['adams', 'baker', 'davis']);
  });

  it('`@*` lists every entry of the bibliography, and nothing is unused', async () => {
    const { messages, data } = await assemble(await project('nocite: "@*"\n'));
    expect(data('doc').entries.map((entry) => entry.key)).toEqual([
      'adams',
      'baker',
      'clark',
      'davis',
    ]);
    expect(unused(messages)).toEqual([]);
  });

  it('an unknown key is an error at its place in document.yaml, with a did-you-mean', async () => {
    const {
      project: assembled,
      messages,
      data,
    } = await assemble(await project('nocite: "@baker, @clrak"\n'));
    expect(messages.filter((message) => message.includes('clrak'))).toEqual([
      'chapters/doc/document.yaml:11:18: Unknown citation key `clrak` in `nocite` [citation-unknown]',
    ]);
    expect(
      assembled.files
        .flatMap((file) => file.messages)
        .find((message) => message.reason.includes('clrak'))!.note,
    ).toBe('Did you mean `@clark`?');
    expect(data('doc').entries.map((entry) => entry.key)).toEqual(['adams', 'baker']);
  });

  it('numbers listed works after the cited ones in a numeric style', async () => {
    const { project: assembled, data } = await assemble(
      await project(
        'citationStyle: vancouver\nnocite: "@clark"\n',
        '\nFirst [@davis], then [@adams].\n',
      ),
    );
    expect(data('doc').entries.map((entry) => entry.key)).toEqual(['davis', 'adams', 'clark']);
    expect(html(assembled, 'doc', 'references')).toMatch(
      />3\.<\/div><div class="csl-right-inline">Clark C\. Gamma/,
    );
  });

  it('makes a reference list for a document that cites nothing', async () => {
    const { project: assembled, data } = await assemble(
      await project('nocite: "@baker"\n', '\nNo citations here.\n'),
    );
    expect(data('doc').entries.map((entry) => entry.key)).toEqual(['baker']);
    expect(assembled.documents[0]!.chapters.at(-1)!.id).toBe('references');
  });

  it('belongs to its document: the next document formatted with the same engine does not list them', async () => {
    const root = await makeProject({
      'chapters/alpha/document.yaml': documentYaml(
        'Alpha Document',
        'nocite: "@baker"\norder: 1\n',
      ),
      'chapters/alpha/01-a.md': chapter('A', '\nAs shown [@adams].\n'),
      'chapters/beta/document.yaml': documentYaml('Beta Document', 'order: 2\n'),
      'chapters/beta/01-b.md': chapter('B', '\nAs shown [@clark].\n'),
      'bibliography/refs.bib': `${bib}\n`,
    });
    const { data } = await assemble(root);
    expect(data('alpha').entries.map((entry) => entry.key)).toEqual(['adams', 'baker']);
    expect(data('beta').entries.map((entry) => entry.key)).toEqual(['clark']);
  });
});
