import { describe, expect, it } from 'vitest';
import { checkXml, elements } from '../../src/citations/xml-check.ts';

const problem = (xml: string) => {
  const checked = checkXml(xml);
  return checked.ok ? 'ok' : `${checked.place.line}:${checked.place.column} ${checked.reason}`;
};

describe('the XML check of CSL files (sax, strict)', () => {
  it('says what is wrong, where, in the words of the CSL guide', () => {
    expect(problem('<a>\n  <b></a>')).toBe('2:6 Closing tag `</a>` does not match `<b>` (line 2)');
    expect(problem('<a>x & y</a>')).toBe('1:7 Bare `&` (write `&amp;`)');
    expect(problem('<a x=1/>')).toBe('1:6 Malformed attribute (values need quotes)');
    expect(problem('text<a/>')).toBe('1:1 Text outside the root element');
    expect(problem('<a>\n<b></b>')).toBe('1:1 Element `<a>` is not closed');
    expect(problem('<a/>\n<b/>')).toBe('2:1 Second root element `<b>`');
    expect(problem('<a>1 < 2</a>')).toBe('1:8 `<` that starts no tag (write `&lt;` in text)');
    expect(problem('</a>')).toBe('1:1 Closing tag `</a>` has no opening tag');
    expect(problem('')).toBe('1:1 No root element');
  });

  it('gives the element tree with places and decoded attributes', () => {
    const checked = checkXml(
      '<?xml version="1.0"?>\n<style a="x &amp; y">\n  <macro name="m"/>\n</style>',
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const all = [...elements(checked.root)];
    expect(all.map((e) => [e.name, e.place.line, e.place.column])).toEqual([
      ['style', 2, 1],
      ['macro', 3, 3],
    ]);
    expect(checked.root.attributes.a).toBe('x & y');
    expect(all[1]!.parent).toBe(checked.root);
  });
});
