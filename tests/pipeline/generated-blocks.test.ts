import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h, s } from 'hastscript';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, renderHtml } from '../../src/markdown/processor.ts';
import remarkBlocks, { type BlockRenderer } from '../../src/markdown/remark-blocks.ts';

/** A block as a stage would build it: HTML and SVG, text with characters that need escaping. */
const block = (): ElementContent[] => [
  h('figure', { className: ['demo'], dataRoadmap: '' }, [
    s('svg', { viewBox: '0 0 10 10', 'aria-label': 'A <b> & "c"' }, [
      s('title', 'Tom & Jerry <3'),
      s('rect', { width: '4', height: '4', 'stroke-dasharray': '3 2' }),
    ]),
    h('figcaption', 'The <em>plan</em> & more'),
  ]),
];

async function render(markdown: string, blocks: Record<string, BlockRenderer>) {
  const file = new VFile({ path: 'chapters/doc/01-a.md', value: markdown });
  const tree = parseMarkdown(markdown);
  remarkBlocks({ blocks })(tree, file);
  const types: string[] = [];
  visit(tree, (node) => {
    types.push(node.type);
  });
  const html = await renderHtml(tree, file, 'a-');
  return { html, types, messages: file.messages.map((m) => `${m.line}:${m.column}: ${m.reason}`) };
}

describe('generated blocks', () => {
  it('reach the page as hast, serialised and escaped once by the one serialiser', async () => {
    const { html, types } = await render('Text.\n\n::demo\n', { demo: block });
    // No raw HTML node: nothing of the project's own output needs rehype-raw.
    expect(types).not.toContain('html');
    expect(types).toContain('generatedBlock');
    expect(html).toBe(`<p>Text.</p>\n${toHtml(block())}`);
    // Escaped once: `&` and `<` of the text once (not `&#x26;amp;`), quotes in the attribute.
    expect(html).toContain('<title>Tom &#x26; Jerry &#x3C;3</title>');
    expect(html).toContain('aria-label="A <b> &#x26; &#x22;c&#x22;"');
    expect(html).toContain('<figcaption>The &#x3C;em>plan&#x3C;/em> &#x26; more</figcaption>');
    expect(html).toContain('stroke-dasharray="3 2"');
  });

  it('pass the raw-HTML parser and the sanitiser untouched, which still filter authors’ HTML', async () => {
    // An author's raw HTML in the same chapter turns rehype-raw on.
    const markdown = 'Text <abbr title="x">X</abbr>.\n\n<script>alert(1)</script>\n\n::demo\n';
    const { html, messages } = await render(markdown, { demo: block });
    expect(messages).toEqual([
      '3:1: Raw HTML `<script>` removed: it could run script or alter the page',
    ]);
    expect(html).not.toContain('<script');
    expect(html).toContain('<abbr title="x">X</abbr>');
    expect(html.endsWith(toHtml(block()))).toBe(true);
  });

  it('can be nested in containers and left out', async () => {
    const { html } = await render('> ::demo\n\n::none\n', {
      demo: () => [h('p', 'inside')],
      none: () => undefined,
    });
    expect(html).toBe('<blockquote>\n<p>inside</p>\n</blockquote>');
  });
});
