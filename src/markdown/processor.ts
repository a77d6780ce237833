import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import {
  generatedBlockHandler,
  generatedBlockType,
  rehypeUnfoldGeneratedBlocks,
} from './generated-block.ts';
import remarkGfmWithoutAutolinkLiterals, {
  mayHoldAutolinkLiteral,
} from './remark-gfm-without-autolink-literals.ts';
import rehypeSafeHtml from './rehype-safe-html.ts';
import rehypeTaskListLabels from './rehype-task-list-labels.ts';

/** The one Markdown parser of the project: CommonMark + GFM + generic directives. */
export const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/** The same without GFM's autolink literals, for text that has none (most chapters). */
const quickParser = unified()
  .use(remarkParse)
  .use(remarkGfmWithoutAutolinkLiterals)
  .use(remarkDirective)
  .freeze();

/**
 * Parse a chapter's Markdown (front matter already blanked) into mdast, as {@link parser}
 * does: first without autolink literals, and again with them only when some text may hold one.
 */
export function parseMarkdown(markdown: string): Root {
  const tree = quickParser.parse(markdown);
  return mayHoldAutolinkLiteral(tree) ? parser.parse(markdown) : tree;
}

/**
 * Turn a finished mdast tree into HTML. Authors' raw HTML is parsed (only when there is any)
 * and then made safe; the project's generated blocks are already hast and join the tree after
 * that (generated-block.ts). rehype-stringify is the one serialiser. Footnote ids get `prefix`
 * so that chapters can share one page.
 */
export async function renderHtml(tree: Root, file: VFile, prefix: string): Promise<string> {
  const hasRaw = containsRaw(tree);
  const processor = unified().use(remarkRehype, {
    allowDangerousHtml: hasRaw,
    clobberPrefix: prefix,
    handlers: { [generatedBlockType]: generatedBlockHandler },
    footnoteLabel: 'Notes',
    footnoteLabelTagName: 'p',
    footnoteLabelProperties: { className: ['footnotes-title'] },
    footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
      `Back to reference ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
  });
  if (hasRaw) processor.use(rehypeRaw, { passThrough: [generatedBlockType] });
  const hast = (await processor
    .use(rehypeSafeHtml)
    .use(rehypeTaskListLabels)
    .use(rehypeUnfoldGeneratedBlocks)
    .run(tree, file)) as HastRoot;
  // The footnote label's id is not prefixed by remark-rehype; chapters share one page in print.
  return unified()
    .use(rehypeStringify)
    .stringify(hast)
    .replaceAll('"footnote-label"', `"${prefix}footnote-label"`);
}

function containsRaw(tree: Root): boolean {
  const stack: { type: string; children?: unknown[] }[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') return true;
    if (node.children) stack.push(...(node.children as { type: string }[]));
  }
  return false;
}
