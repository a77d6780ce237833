import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parser } from '../../src/markdown/processor.ts';

const repository = path.resolve(import.meta.dirname, '../..');

/** Every Markdown file under a folder. */
function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(folder, name));
}

/** Texts that hold, or nearly hold, an autolink literal, each in a paragraph of prose. */
const cases = [
  'See https://example.org/path?q=1 for more.',
  'See HTTP://EXAMPLE.ORG and www.example.org, or WWW.EXAMPLE.ORG.',
  'Write to jane.doe+srida@example.org, mailto:a@b.org or xmpp:a@b.org/r.',
  'Escaped: jane\\@example.org and www\\.example.org and https\\://example.org.',
  'References: jane&#64;example.org and &#x77;ww.example.org.',
  'Only a link [here](https://example.org) and ![an image](https://example.org/a.png).',
  'Citations [@doe2020; -@roe.2021], narrative @doe2020 [p. 4], and @key.',
  'Code `https://example.org` and <https://example.org> and <jane@example.org>.',
  '*www.example.org* and **https://example.org** and ~~jane@example.org~~.',
  'A footnote[^1] and :abbr[HTML]{title="x"}.\n\n[^1]: With https://example.org inside.',
  '| a | b |\n|---|---|\n| www.example.org | jane@example.org |',
  '- [x] done https://example.org\n- [ ] open',
  '[link https://example.org inside the text](https://example.org)',
  '[ref]: https://example.org\n\nUses [ref].',
  '`` ` `` jane@example, jane@.org, @example.org, a@b',
  'Ends with a dot: www. and http:// and a@b.',
];

describe('parseMarkdown', () => {
  it.each(cases)('gives the tree GFM gives: %s', (markdown) => {
    expect(parseMarkdown(markdown)).toEqual(parser.parse(markdown));
  });

  it('gives the tree GFM gives for every chapter shipped and every test fixture', () => {
    const files = [
      ...markdownFiles(path.join(repository, 'chapters')),
      ...markdownFiles(path.join(repository, 'tests')),
    ];
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const markdown = readFileSync(file, 'utf8');
      expect(parseMarkdown(markdown), file).toEqual(parser.parse(markdown));
    }
  });

  it('gives the tree GFM gives for 3,000 random texts made of the pieces autolinks are made of', () => {
    const pieces = [
      'www',
      'WWW',
      '.',
      '@',
      'http',
      'HTTPS',
      '://',
      ':',
      '/',
      '\\',
      '&#64;',
      '&#x77;',
      '`',
      '*',
      '_',
      '~~',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      ' ',
      '\n',
      'a',
      'B',
      '7',
      '-',
      '+',
      'org',
      'jane',
      '[^1]',
      '|',
      '- ',
    ];
    // A fixed seed: the same texts on every run (xorshift32).
    let seed = 2463534242;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 2 ** 32;
    };
    for (let index = 0; index < 3000; index++) {
      const length = 1 + Math.floor(next() * 24);
      const markdown = Array.from(
        { length },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      expect(parseMarkdown(markdown), JSON.stringify(markdown)).toEqual(parser.parse(markdown));
    }
  });

  it('links bare URLs and e-mail addresses, not citations or link targets', () => {
    const links = (markdown: string) =>
      JSON.stringify(parseMarkdown(markdown)).match(/"url":"[^"]*"/g) ?? [];
    expect(links(cases[0]!)).toEqual(['"url":"https://example.org/path?q=1"']);
    // (`mailto:a@…` is a text directive `:a` first, as remark-directive reads it.)
    expect(links(cases[2]!)).toEqual(['"url":"mailto:jane.doe+srida@example.org"']);
    expect(links(cases[4]!)).toEqual([
      '"url":"mailto:jane@example.org"',
      '"url":"http://www.example.org"',
    ]);
    expect(links(cases[6]!)).toEqual([]);
  });
});
