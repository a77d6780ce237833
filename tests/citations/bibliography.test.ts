import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/citations/load-bibliography.ts';
import { makeProject } from './helpers.ts';

/** Load `bibliography/` of a throw-away project; messages as `path:line:column: reason [rule]`. */
async function load(files: Record<string, string>) {
  const root = await makeProject(files);
  const library = await loadLibrary(root);
  const messages = library.files.flatMap((file) =>
    file.messages.map((m) => `${file.path}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`),
  );
  return { library, messages };
}

const good =
  '@book{good,\n  author = {Good, Gail},\n  title = {Good},\n  publisher = {P},\n  year = 2020\n}\n';

describe('BibTeX syntax errors are reported where they are, and the rest is read', () => {
  it('a missing comma between fields', async () => {
    const { library, messages } = await load({
      'bibliography/x.bib': `@article{a,\n  title = {X},\n  author = {Y}\n  year = 2020\n}\n\n${good}`,
    });
    expect(messages).toEqual([
      'bibliography/x.bib:4:3: BibTeX syntax error in entry `a`: expected `}`, found a field name [bibtex-syntax]',
    ]);
    expect([...library.entries.keys()]).toEqual(['good']);
  });

  it('a value missing its closing brace', async () => {
    const { library, messages } = await load({
      'bibliography/x.bib': `${good}\n@article{a,\n  title = {X,\n  year = 2020\n}\n\n@book{b, title = {B}, publisher = {P}, year = 2001}\n`,
    });
    expect(messages).toEqual([
      'bibliography/x.bib:9:11: Entry `a` is not closed: this value seems to lack its `}` [bibtex-syntax]',
    ]);
    expect([...library.entries.keys()]).toEqual(['good', 'b']);
  });

  it('an unbalanced brace inside a value', async () => {
    const { library, messages } = await load({
      'bibliography/x.bib': `@article{a,\n  title = {X {Y,\n  year = 2020\n}\n\n${good}`,
    });
    expect(messages).toEqual([
      'bibliography/x.bib:2:11: Unclosed `{` in entry `a` [bibtex-syntax]',
    ]);
    expect([...library.entries.keys()]).toEqual(['good']);
  });

  it('a missing comma after the key', async () => {
    const { messages } = await load({ 'bibliography/x.bib': '@article{a\n  title = {X}\n}\n' });
    expect(messages).toEqual([
      'bibliography/x.bib:2:3: BibTeX syntax error in entry `a`: expected `,`, found a key [bibtex-syntax]',
    ]);
  });

  it('an at-sign in a comment line', async () => {
    const { library, messages } = await load({
      'bibliography/x.bib': `% Questions: jane@example.org\n${good}`,
    });
    expect(messages).toEqual([
      'bibliography/x.bib:1:18: `@example` is read as the start of an entry, but no `{` follows [bibtex-syntax]',
    ]);
    expect([...library.entries.keys()]).toEqual(['good']);
  });
});

describe('entries', () => {
  it('the same key in two files: an error at both places, the first is used', async () => {
    const { library, messages } = await load({
      'bibliography/a.bib': good,
      'bibliography/b.bib': `% second file\n\n@misc{good,\n  title = {Other}\n}\n`,
    });
    expect(messages).toEqual([
      'bibliography/a.bib:1:7: Key `good` is defined again at bibliography/b.bib:3:7 [bibliography-duplicate-key]',
      'bibliography/b.bib:3:7: Duplicate key `good`: already defined at bibliography/a.bib:1:7 [bibliography-duplicate-key]',
    ]);
    expect(library.entries.get('good')!.item.title).toBe('Good');
  });

  it('a malformed DOI and URL at their values; a DOI written as a link is stored bare', async () => {
    const { library, messages } = await load({
      'bibliography/x.bib':
        '@article{a,\n  title = {A},\n  doi = {https://doi.org/10.1234/abc},\n  url = {https://example.org/a}\n}\n@article{b,\n  title = {B},\n  doi = {doi.org/xyz},\n  url = {www.example.org/b}\n}\n',
    });
    expect(messages).toEqual([
      'bibliography/x.bib:8:9: Malformed DOI `doi.org/xyz` in `b` [bibliography-doi]',
      'bibliography/x.bib:9:9: Malformed URL `www.example.org/b` in `b` [bibliography-url]',
    ]);
    expect(library.entries.get('a')!.item).toMatchObject({
      DOI: '10.1234/abc',
      URL: 'https://example.org/a',
    });
    expect(library.entries.get('b')!.item.DOI).toBeUndefined();
  });

  it('accents and braces: {\\"u}, {\\c{c}}, protected {DNA}, and langid', async () => {
    const { library, messages } = await load({
      'bibliography/x.bib': [
        '@article{muller2020,',
        '  author = {M{\\"u}ller, J{\\"u}rgen and Fran{\\c{c}}ois, Anne and {European Organization for Nuclear Research}},',
        '  title = {The {DNA} of Research Infrastructures in {Europe}},',
        '  journal = {Journal of {CERN} Studies},',
        '  year = 2020',
        '}',
        '@book{german2021, author = {Sch{\\"o}n, Uwe and others}, title = {Das {Rechenzentrum} der Zukunft}, publisher = {V}, year = 2021, langid = {german}}',
      ].join('\n'),
    });
    expect(messages).toEqual([]);
    const item = library.entries.get('muller2020')!.item;
    expect(item.author).toEqual([
      { family: 'Müller', given: 'Jürgen' },
      { family: 'François', given: 'Anne' },
      { family: 'European Organization for Nuclear Research' },
    ]);
    // English titles are stored in sentence case, braced words as written (Pandoc's rule).
    expect(item.title).toBe('The DNA of research infrastructures in Europe');
    expect(item['container-title']).toBe('Journal of CERN Studies');
    expect(library.entries.get('german2021')!.item.title).toBe('Das Rechenzentrum der Zukunft');
    // `and others` is not an author called "others".
    expect(library.entries.get('german2021')!.item.author).toEqual([
      { family: 'Schön', given: 'Uwe' },
    ]);
  });
});

describe('CSL-JSON', () => {
  it('is read with positions; a syntax error and an item without id are reported', async () => {
    const { library, messages } = await load({
      'bibliography/a.json':
        '[\n  {"id": "j1", "type": "book", "title": "J", "URL": "not a url"},\n  {"type": "book", "title": "No id"}\n]\n',
      'bibliography/b.json': '[\n  {"id": "x",\n   "type": "book"\n   "title": "X"}\n]\n',
    });
    expect(messages).toEqual([
      'bibliography/a.json:2:53: Malformed URL `not a url` in `j1` [bibliography-url]',
      'bibliography/a.json:3:3: CSL-JSON item 2 needs a string `id` and `type` [csl-json-item]',
      "bibliography/b.json:4:4: JSON syntax error: Expected ',' or '}' after property value [csl-json-syntax]",
    ]);
    expect([...library.entries.keys()]).toEqual(['j1']);
  });
});

describe('styles and locales in bibliography/styles/', () => {
  const header =
    '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n';
  it('a style that is not well-formed XML', async () => {
    const { library, messages } = await load({
      'bibliography/styles/broken.csl': `${header}  <citation>\n    <layout><text variable="title"></layout>\n  </citation>\n</style>\n`,
    });
    expect(messages).toEqual([
      'bibliography/styles/broken.csl:4:36: Style is not well-formed XML: Closing tag `</layout>` does not match `<text>` (line 4) [csl-style]',
    ]);
    expect(library.styles.get('broken')!.info).toBeUndefined();
  });

  it('a file that is not a CSL style', async () => {
    const { messages } = await load({
      'bibliography/styles/page.csl': '<html><body>Not a style</body></html>\n',
    });
    expect(messages).toEqual([
      'bibliography/styles/page.csl:1:1: Not a CSL style: the root element must be `<style xmlns="http://purl.org/net/xbiblio/csl">` [csl-style]',
    ]);
  });

  it('a style that calls an undefined macro', async () => {
    const { messages } = await load({
      'bibliography/styles/m.csl': `${header}  <citation>\n    <layout><text macro="author"/></layout>\n  </citation>\n</style>\n`,
    });
    expect(messages).toEqual([
      'bibliography/styles/m.csl:4:13: Style calls macro `author`, which it does not define [csl-style]',
    ]);
  });

  it('a dependent style', async () => {
    const { messages } = await load({
      'bibliography/styles/d.csl': `${header}  <info>\n    <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>\n  </info>\n</style>\n`,
    });
    expect(messages).toEqual([
      'bibliography/styles/d.csl:4:5: Dependent CSL styles are not supported [csl-style]',
    ]);
  });

  it('an incomplete locale that citeproc cannot use', async () => {
    const { messages } = await load({
      'bibliography/styles/locales-it-IT.xml':
        '<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="it-IT">\n  <terms><term name="and">e</term></terms>\n</locale>\n',
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^bibliography\/styles\/locales-it-IT\.xml:1:1: citeproc cannot use this locale: .+ \[csl-locale\]$/,
    );
  });

  it('a locale file that is not a CSL locale', async () => {
    const { messages } = await load({
      'bibliography/styles/locales-it-IT.xml': '<locale xml:lang="it-IT"><terms/></locale>\n',
    });
    expect(messages).toEqual([
      'bibliography/styles/locales-it-IT.xml:1:1: Not a CSL locale: the root element must be `<locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="…">` [csl-locale]',
    ]);
  });
});

describe('caching', () => {
  it('an unchanged file is parsed once per process; its problems are reported on every load', async () => {
    const files = { 'bibliography/x.bib': `${good}@article{bad, title = {B}, doi = {nope}}\n` };
    const first = await load(files);
    const second = await load(files);
    // The same parsed item objects come back: the second load did not parse.
    expect(second.library.entries.get('good')!.item).toBe(first.library.entries.get('good')!.item);
    expect(second.messages).toEqual(first.messages);
    expect(second.messages).toEqual([
      'bibliography/x.bib:7:34: Malformed DOI `nope` in `bad` [bibliography-doi]',
    ]);
  });
});
