/**
 * src/citations/parse-bibtex.ts reads positions and token names out of citation-js's syntax
 * error texts. These tests pin those texts for the installed citation-js: an upgrade that
 * rewords them fails here, instead of every BibTeX error silently losing its position.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, test } from 'vitest';
import { citationJsErrorPatterns, parseBibtex } from '../../src/citations/parse-bibtex.ts';

/** citation-js's error for a text, first line only (the rest is a code frame). */
function errorOf(text: string): { name: string; first: string } {
  try {
    plugins.input.data(text, '@biblatex/text');
  } catch (error) {
    return { name: (error as Error).name, first: (error as Error).message.split('\n')[0]! };
  }
  throw new Error('citation-js accepted broken BibTeX');
}

const cases: [string, string, string][] = [
  [
    'an unclosed entry',
    '@book{a,\n  title = {X},\n  year = 2020\n',
    'expected "rbrace", got EOF at line 4 col 1:',
  ],
  [
    'a missing comma',
    '@book{a,\n  title = {X}\n  year = {2020}\n}\n',
    'expected "rbrace", got "identifier" at line 3 col 3:',
  ],
  [
    'no comma after the key',
    '@book{a title = {X}}\n',
    'expected "comma", got "label" at line 1 col 9:',
  ],
  ['an unclosed quote', '@book{a,\n  title = "X\n}\n', 'expected "text", got EOF at line 4 col 1:'],
];

describe('citation-js error texts', () => {
  test.each(cases)('%s: the text the parser reads', (_, text, first) => {
    const error = errorOf(text);
    expect(error).toEqual({ name: 'SyntaxError', first });
    expect(citationJsErrorPatterns.place.exec(first)?.slice(1, 3)).toEqual(
      /line (\d+) col (\d+)/.exec(first)!.slice(1, 3),
    );
    expect(citationJsErrorPatterns.expected.test(first)).toBe(true);
  });

  test('so a syntax error keeps its position and names the token in words', () => {
    const { problems } = parseBibtex('@book{a title = {X}}\n');
    expect(problems[0]).toMatchObject({ place: { line: 1, column: 9 }, severity: 'error' });
    expect(problems[0]!.reason).toMatch(/`,`/);
  });
});
