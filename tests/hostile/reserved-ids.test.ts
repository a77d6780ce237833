import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReservedId, reservedIdPatterns, reservedIds } from '../../src/markdown/reserved-ids.ts';
import { assembleWithMessages, chapterHtml } from '../helpers/project.ts';
import { hostileProject } from './helpers.ts';

const src = path.resolve(import.meta.dirname, '../../src');

/** Every `id=` of the site's `.astro` files: literal ids and the literal start of templated ones. */
function layoutIds(): { literal: string[]; prefixes: string[] } {
  const literal: string[] = [];
  const prefixes: string[] = [];
  for (const folder of ['layouts', 'components', 'pages']) {
    const dir = path.join(src, folder);
    for (const name of readdirSync(dir, { recursive: true }).map(String)) {
      if (!name.endsWith('.astro')) continue;
      const text = readFileSync(path.join(dir, name), 'utf8');
      for (const match of text.matchAll(/\sid="([^"{]+)"/g)) literal.push(match[1]!);
      for (const match of text.matchAll(/\sid=\{[^}`]*`([^`$]*)\$\{/g)) prefixes.push(match[1]!);
    }
  }
  return { literal, prefixes };
}

describe('ids of the page layouts are reserved', () => {
  it('the list covers every id the layouts use (it cannot drift)', () => {
    const { literal, prefixes } = layoutIds();
    expect(literal).toContain('main');
    for (const id of literal) expect(reservedIds.has(id), id).toBe(true);
    for (const prefix of prefixes.filter((p) => p !== ''))
      expect(
        reservedIdPatterns.some((pattern) => pattern.test(`${prefix}1.0`)),
        prefix,
      ).toBe(true);
    expect(isReservedId('refs')).toBe(true);
  });

  it('`{#main}`, `#toc-title` on a block and a chapter named `main` are positioned errors', async () => {
    const root = await hostileProject(
      '\n## Results {#main}\n\n:::figure{#toc-title}\n![x](figures/a.png)\n\nCaption.\n:::\n',
      {
        'chapters/doc/figures/a.png': Buffer.from('iVBORw0KGgo=', 'base64'),
        'chapters/doc/02-main.md': '---\ntitle: Main\nstatus: draft\n---\nText.\n',
      },
    );
    const { messages } = await assembleWithMessages(root);
    const reserved = messages.filter((m) => m.endsWith('[id-reserved]'));
    expect(reserved).toEqual([
      'chapters/doc/01-intro.md:6:1: Id `main` is reserved: the page layout uses it for its own element [id-reserved]',
      'chapters/doc/01-intro.md:8:1: Id `toc-title` is reserved: the page layout uses it for its own element [id-reserved]',
      'chapters/doc/02-main.md:1:1: Id `main` is reserved: the page layout uses it for its own element [id-reserved]',
    ]);
  });

  it('a heading whose slug would be reserved gets another id', async () => {
    const root = await hostileProject('\n## Main\n\nText.\n\n## Refs\n');
    const { project, messages } = await assembleWithMessages(root);
    expect(messages).toEqual([]);
    const html = chapterHtml(project, 'doc', 'intro');
    expect(html).not.toMatch(/id="(main|refs)"/);
  });
});
