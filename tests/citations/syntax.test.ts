import { describe, expect, it } from 'vitest';
import { parseLocator } from '../../src/citations/locators.ts';
import { citationsIn } from './helpers.ts';

describe('citation syntax (Pandoc forms)', () => {
  it('[@key]', () => {
    expect(citationsIn('See [@doe2020].').strings).toEqual(['normal 1:5-1:15 [|doe2020@1:6||]']);
  });

  it('[@a; @b]', () => {
    expect(citationsIn('Both [@a; @b].').strings).toEqual([
      'normal 1:6-1:14 [|a@1:7||; |b@1:11||]',
    ]);
  });

  it('[see @key, p. 12]: prefix and page locator', () => {
    expect(citationsIn('Text [see @key, p. 12].').strings).toEqual([
      'normal 1:6-1:23 [see|key@1:11|12:page|]',
    ]);
  });

  it('[@key, pp. 3-5; @other, chap. 2]: locators per item', () => {
    expect(citationsIn('[@key, pp. 3-5; @other, chap. 2]').strings).toEqual([
      'normal 1:1-1:33 [|key@1:2|3-5:page|; |other@1:17|2:chapter|]',
    ]);
  });

  it('[-@key]: suppressed author', () => {
    expect(citationsIn('Doe says [-@doe2020].').strings).toEqual([
      'normal 1:10-1:21 [|-doe2020@1:11||]',
    ]);
  });

  it('narrative @key', () => {
    expect(citationsIn('As @doe2020 shows.').strings).toEqual([
      'narrative 1:4-1:12 [|doe2020@1:4||]',
    ]);
  });

  it('narrative @key [p. 4]', () => {
    expect(citationsIn('@doe2020 [p. 4] shows it.').strings).toEqual([
      'narrative 1:1-1:16 [|doe2020@1:1|4:page|]',
    ]);
  });

  it('keys may contain `:._-/`; a trailing `.` or `,` ends the key', () => {
    expect(citationsIn('See @doe:2020_a.b-c/d, and @x.y.').strings).toEqual([
      'narrative 1:5-1:22 [|doe:2020_a.b-c/d@1:5||]',
      'narrative 1:28-1:32 [|x.y@1:28||]',
    ]);
  });

  it('`@{…}` keys with any characters', () => {
    expect(citationsIn('[@{Doe 2020!}]').strings).toEqual(['normal 1:1-1:15 [|Doe 2020!@1:2||]']);
  });

  it('suffix with formatting: [see *this* @key, sec. 3.4 and *passim*]', () => {
    expect(citationsIn('[see *this* @key, sec. 3.4 and *passim*]').strings).toEqual([
      'normal 1:1-1:41 [see <i>this</i>|key@1:13|3.4:section| and <i>passim</i>]',
    ]);
  });

  it('prefix and suffix text is passed as written (citeproc escapes it)', () => {
    expect(citationsIn('[R&D <3 @key, `code` & more]').strings).toEqual([
      'normal 1:1-1:29 [R&D <3|key@1:9||, code & more]',
    ]);
  });

  it('a suffix that is not a locator stays a suffix', () => {
    expect(citationsIn('[@key, emphasis added]').strings).toEqual([
      'normal 1:1-1:23 [|key@1:2||, emphasis added]',
    ]);
  });

  it('in a block quote, a table cell, a footnote and a heading, with positions', () => {
    const markdown =
      '## Title [@h]\n\n> quoted\n> [@q]\n\n| a |\n| - |\n| [@cell] |\n\nText.[^1]\n\n[^1]: Note [@note].\n';
    expect(citationsIn(markdown).strings).toEqual([
      'normal 1:10-1:14 [|h@1:11||]',
      'normal 4:3-4:7 [|q@4:4||]',
      'normal 8:3-8:10 [|cell@8:4||]',
      'normal 12:12-12:19 [|note@12:13||]',
    ]);
  });

  it('a Pandoc figure whose caption (alt text) cites becomes a figure with a citation node', () => {
    const { strings, tree } = citationsIn('![A plot [@fig2020].](plot.svg)\n');
    expect(strings).toEqual(['normal 1:1-1:32 [|fig2020@1:1||]']);
    expect(tree.children[0]!.type).toBe('containerDirective');
  });
});

describe('what is not a citation', () => {
  it('e-mail addresses, `\\@`, inline code, cross-references and link text', () => {
    const markdown =
      'Mail jane@example.org or jane.doe@cern.ch; \\@handle; `@code` and `[@code]`; [](#sec-a), [](blueprint#x), [link @x](https://example.org).\n';
    expect(citationsIn(markdown).strings).toEqual([]);
  });

  it('an escaped bracket or at-sign inside brackets', () => {
    expect(citationsIn('\\[@a] and [\\@b]').strings).toEqual(['narrative 1:3-1:5 [|a@1:3||]']);
  });

  it('a bracket whose part has no key: its keys are narrative', () => {
    expect(citationsIn('[see @a; and more]').strings).toEqual(['narrative 1:6-1:8 [|a@1:6||]']);
  });

  it('the text around citations is kept', () => {
    const { tree } = citationsIn('Before [@a] after *em* @b end.');
    const paragraph = tree.children[0] as { children: { type: string; value?: string }[] };
    expect(
      paragraph.children.map((child) => (child.type === 'text' ? child.value : `<${child.type}>`)),
    ).toEqual(['Before ', '<citation>', ' after ', '<emphasis>', ' ', '<citation>', ' end.']);
  });
});

describe('locators', () => {
  it.each([
    [', p. 12', '12', 'page', ''],
    [', pp. 33-35 and passim', '33-35', 'page', ' and passim'],
    [', 33', '33', 'page', ''],
    [', chap. IV', 'IV', 'chapter', ''],
    [', sec. 3.4', '3.4', 'section', ''],
    [', § 7', '7', 'section', ''],
    [', {iv, vi-xi and notes}', 'iv, vi-xi and notes', 'page', ''],
    [', {fig. 2a–c}', '2a–c', 'figure', ''],
    ['p. 4', '4', 'page', ''],
    [', in press', undefined, undefined, ', in press'],
    [', mid', undefined, undefined, ', mid'],
  ])('%j', (text, locator, label, rest) => {
    expect(parseLocator(text)).toEqual(locator ? { locator, label, rest } : { rest });
  });
});
