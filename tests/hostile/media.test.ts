import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../src/markdown/sanitize-svg.ts';
import { buildSite } from '../../src/site/build-site.ts';
import { readMediaFile } from '../../src/site/media-files.ts';
import { assembleWithMessages } from '../helpers/project.ts';
import { hostileProject } from './helpers.ts';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const svg = (inner: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${inner}<rect width="10" height="10"/></svg>`;

/** SVG script forms; each must be gone from what the site serves. */
const svgForms: [string, string][] = [
  ['<script>', svg('<script>alert(1)</script>')],
  ['<script> in CDATA', svg('<script><![CDATA[alert(1)]]></script>')],
  ['onload on the root', svg('', ' onload="alert(1)"')],
  ['onclick on a child', svg('<circle r="1" onclick="alert(1)"/>')],
  ['<a xlink:href="javascript:">', svg('<a xlink:href="javascript:alert(1)"><text>x</text></a>')],
  ['<a href=" JaVa&#x09;script:">', svg('<a href=" JaVa&#x09;script:alert(1)"><text>x</text></a>')],
  [
    '<foreignObject>',
    svg(
      '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject>',
    ),
  ],
  ['<use href="http://…">', svg('<use href="http://evil.example/x.svg#a"/>')],
  ['<image href="file:///etc/passwd">', svg('<image href="file:///etc/passwd"/>')],
  [
    '<set attributeName="href" to="javascript:">',
    svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
  ],
  [
    '<animate>',
    svg('<a><animate attributeName="xlink:href" values="javascript:alert(1)"/><text>x</text></a>'),
  ],
  ['an external url() in fill', svg('<rect fill="url(https://evil.example/p.svg#g)"/>')],
  ['@import in <style>', svg('<style>@import url(https://evil.example/x.css);</style>')],
];

function traces(text: string): string[] {
  const lower = text.toLowerCase().replace(/\s|&#x?[0-9a-f]+;/g, '');
  return [
    '<script',
    'alert(',
    'javascript:',
    'onload',
    'onclick',
    'foreignobject',
    'evil.example',
    'file:',
    '<set',
    '<animate',
  ].filter((trace) => lower.includes(trace));
}

describe('the SVG sanitiser removes every script form', () => {
  for (const [name, text] of svgForms) {
    it(name, () => {
      const result = sanitizeSvg(text);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.removed.length).toBeGreaterThan(0);
      expect(traces(result.svg)).toEqual([]);
      expect(result.svg).toContain('<rect width="10" height="10">');
    });
  }
  it('keeps a harmless drawing and its #fragment references', () => {
    const text = svg('<defs><linearGradient id="g"/></defs><use href="#g"/><rect fill="url(#g)"/>');
    const result = sanitizeSvg(text);
    expect(result.ok && result.removed).toEqual([]);
    expect(result.ok && result.svg).toContain('href="#g"');
  });
  it('refuses an SVG that is not well-formed or not an SVG', () => {
    expect(sanitizeSvg('<svg><a></svg>').ok).toBe(false);
    expect(sanitizeSvg('<html><script>alert(1)</script></html>').ok).toBe(false);
  });
});

describe('check reports unsafe, outside and untyped images at their place', () => {
  it('reports each SVG removal, links outside the root, absolute paths and file types', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'srida-outside-'));
    await writeFile(path.join(outside, 'secret.png'), png);
    await mkdir(path.join(outside, 'folder'));
    await writeFile(path.join(outside, 'folder', 'x.png'), png);
    const root = await hostileProject(
      [
        '![a](figures/bad.svg)',
        '![b](figures/link.png)',
        '![c](figures/linked-folder/x.png)',
        '![d](/etc/hostname)',
        '![e](file:///etc/hostname)',
        '![f](figures/page.html)',
        '![g](figures/100%.svg)',
        '![h](data:image/png;base64,AAAA)',
      ].join('\n\n'),
      {
        'chapters/doc/figures/bad.svg': svg('<script>alert(1)</script>', ' onload="alert(1)"'),
        'chapters/doc/figures/page.html': '<script>alert(1)</script>',
        'chapters/doc/figures/100%.svg': svg(''),
      },
    );
    await symlink(
      path.join(outside, 'secret.png'),
      path.join(root, 'chapters/doc/figures/link.png'),
    );
    await symlink(
      path.join(outside, 'folder'),
      path.join(root, 'chapters/doc/figures/linked-folder'),
    );
    const { messages } = await assembleWithMessages(root);
    const at = (line: number) =>
      messages.filter((m) => m.startsWith(`chapters/doc/01-intro.md:${line}:`));
    expect(at(5)).toEqual([
      'chapters/doc/01-intro.md:5:1: SVG `figures/bad.svg` line 1: `onload` event handler on `<svg>` removed: it could run script or load other files [svg-unsafe]',
      'chapters/doc/01-intro.md:5:1: SVG `figures/bad.svg` line 1: `<script>` removed: it could run script or load other files [svg-unsafe]',
    ]);
    expect(at(7)).toEqual([
      'chapters/doc/01-intro.md:7:1: Image `figures/link.png` is a link to a file outside the content root [image-outside]',
    ]);
    expect(at(9)).toEqual([
      'chapters/doc/01-intro.md:9:1: Image `figures/linked-folder/x.png` is a link to a file outside the content root [image-outside]',
    ]);
    expect(at(11)).toEqual([
      'chapters/doc/01-intro.md:11:1: Image `/etc/hostname` cannot be published: it is an absolute path, and only files of the content root are published [image-path]',
    ]);
    expect(at(13)).toEqual([
      'chapters/doc/01-intro.md:13:1: Image `file:///etc/hostname` cannot be published: it is an absolute path, and only files of the content root are published [image-path]',
    ]);
    expect(at(15)).toEqual([
      'chapters/doc/01-intro.md:15:1: Image `figures/page.html` is not of an allowed type [image-type]',
    ]);
    expect(at(17)).toEqual([]);
    expect(at(19).join('\n')).toMatch(/`data:` URLs are not allowed for images \[image-path\]/);
  });

  it('refuses a chapter that is a link to a file outside the root, and a linked document folder', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'srida-outside-'));
    await writeFile(
      path.join(outside, 'stolen.md'),
      '---\ntitle: Stolen\nstatus: draft\n---\nSecret text.\n',
    );
    await mkdir(path.join(outside, 'doc2'));
    await writeFile(
      path.join(outside, 'doc2', '01-x.md'),
      '---\ntitle: X\nstatus: draft\n---\nSecret.\n',
    );
    const root = await hostileProject('Text.');
    await symlink(path.join(outside, 'stolen.md'), path.join(root, 'chapters/doc/02-stolen.md'));
    const { project, messages } = await assembleWithMessages(root);
    expect(messages.join('\n')).toMatch(
      /^chapters\/doc\/02-stolen\.md:1:1: File is a link to `.*stolen\.md`, outside the content root; it is not read \[file-outside-root\]$/m,
    );
    expect(JSON.stringify(project.documents)).not.toContain('Secret text');
  });
});

describe('the site publishes only referenced images of allowed types, sanitised', () => {
  it('copies what chapters show and nothing else', { timeout: 240_000 }, async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'srida-outside-'));
    await writeFile(path.join(outside, 'secret.png'), png);
    const root = await hostileProject(
      '![Bad](figures/bad.svg)\n\n![Dot](figures/dot.png)\n\n![Pct](figures/100%.svg)\n\n![Link](figures/link.png)',
      {
        'chapters/doc/figures/bad.svg': svg('<script>alert(1)</script>', ' onload="alert(1)"'),
        'chapters/doc/figures/dot.png': png,
        'chapters/doc/figures/100%.svg': svg(''),
        'chapters/doc/figures/unused.png': png,
        'chapters/doc/page.html': '<script>alert(document.cookie)</script>',
        'chapters/doc/notes.txt': 'private notes',
        'chapters/doc/figures/evil.svg': svg('<script>alert(1)</script>'),
        'figures/shared-unused.svg': svg(''),
      },
    );
    await symlink(
      path.join(outside, 'secret.png'),
      path.join(root, 'chapters/doc/figures/link.png'),
    );
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'srida-media-out-')), 'site');
    await buildSite({ root, out, quiet: true });
    const media = readdirSync(path.join(out, 'media'), { recursive: true }).map(String).sort();
    expect(media.filter((name) => /\.\w+$/.test(name))).toEqual([
      'chapters/doc/figures/100%.svg',
      'chapters/doc/figures/bad.svg',
      'chapters/doc/figures/dot.png',
    ]);
    expect(
      traces(readFileSync(path.join(out, 'media/chapters/doc/figures/bad.svg'), 'utf8')),
    ).toEqual([]);
    expect(existsSync(path.join(out, 'media/chapters/doc/page.html'))).toBe(false);
    const page = readFileSync(path.join(out, 'doc/intro/index.html'), 'utf8');
    expect(page).toContain('src="/media/chapters/doc/figures/100%25.svg"');
  });

  it('the media gate refuses traversal, other types and links out of the root', async () => {
    const root = await hostileProject('x', {
      'chapters/doc/a.html': '<p>x</p>',
      'chapters/doc/figures/a.png': png,
    });
    expect(await readMediaFile(root, 'chapters/doc/figures/a.png')).toBeDefined();
    for (const bad of [
      'chapters/doc/a.html',
      'chapters/../../../etc/passwd',
      '..%2f..%2fetc/hostname',
      'chapters/doc/01-intro.md',
      'bibliography/x.png',
    ])
      expect(await readMediaFile(root, bad)).toBeUndefined();
  });
});
