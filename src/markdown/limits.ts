import type { Html, Root } from 'mdast';
import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import { parseMarkdown } from './processor.ts';

/**
 * Input limits of the Markdown pipeline (docs/security.md). The parser, `mdast-util-to-hast`,
 * `hast-util-to-html` and `unist-util-visit` recurse once per level of nesting, so a chapter of
 * thousands of nested block quotes or list items would overflow the stack in one of them: the
 * depth is checked, without recursion, right after parsing and before any of them walks the tree.
 */
export const limits = {
  /** Levels of the syntax tree (a block quote is one, a list item two, a paragraph one). */
  maxDepth: 100,
  /** Characters of block nesting markers (`>`, list markers, indentation) at the start of a line. */
  maxLinePrefix: 400,
} as const;

/**
 * Parse a chapter's Markdown within the limits: a line whose nesting prefix is too long is
 * reported (and the chapter is not parsed: the parser itself is slow on it); a tree nested
 * deeper than {@link limits.maxDepth} is reported at the first node too deep and cut there.
 */
export function parseWithinLimits(
  markdown: string,
  file: VFile,
  parse: (markdown: string) => Root = parseMarkdown,
): Root {
  const prefix = longPrefixLine(markdown);
  if (prefix) {
    report(
      file,
      'error',
      `Nesting too deep: this line starts with more than ${limits.maxLinePrefix} characters of block quote and list markers`,
      { line: prefix.line, column: 1 },
      'nesting-too-deep',
      'Flatten the structure: nested block quotes and lists this deep cannot be read.',
    );
    return { type: 'root', children: [] };
  }
  const tree = parse(markdown);
  cutDeepNodes(tree, file);
  return tree;
}

/** The first line whose leading run of `>`, list markers and white space is over the limit. */
function longPrefixLine(markdown: string): { line: number } | undefined {
  const prefix = /^(?:[ \t>]|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;
  let line = 1;
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    if (end - start > limits.maxLinePrefix) {
      const length = prefix.exec(markdown.slice(start, start + limits.maxLinePrefix + 20))![0]
        .length;
      if (length > limits.maxLinePrefix) return { line };
    }
    start = end + 1;
    line += 1;
  }
  return undefined;
}

/** Walk the tree with an explicit stack; drop the children of the first nodes over the depth limit. */
function cutDeepNodes(tree: Root, file: VFile): void {
  const stack: [Node, number][] = [[tree, 0]];
  let reported = false;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const children = (node as Parent).children;
    if (!children) continue;
    if (depth >= limits.maxDepth) {
      if (!reported)
        report(
          file,
          'error',
          `Nesting too deep: more than ${limits.maxDepth} levels of block quotes, lists or inline markup`,
          node.position,
          'nesting-too-deep',
          'Flatten the structure; what is nested deeper is left out.',
        );
      reported = true;
      (node as Parent).children = [];
      continue;
    }
    for (let index = children.length - 1; index >= 0; index--)
      stack.push([children[index]!, depth + 1]);
  }
  limitRawHtml(tree, file);
}

/** Elements without an end tag. */
const voidElements = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

/**
 * Raw HTML becomes a tree only later (rehype-raw, whose conversion recurses per level): count its
 * nesting now, across the chapter's HTML pieces in document order, and drop the chapter's raw
 * HTML when it nests deeper than the limit.
 */
function limitRawHtml(tree: Root, file: VFile): void {
  const pieces: Html[] = [];
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') pieces.push(node as Html);
    const children = (node as Parent).children;
    if (children)
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  let depth = 0;
  for (const piece of pieces) {
    for (const match of piece.value.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
      if (match[1]) depth = Math.max(0, depth - 1);
      else if (!match[3] && !voidElements.has(match[2]!.toLowerCase())) depth += 1;
      if (depth > limits.maxDepth) {
        report(
          file,
          'error',
          `Raw HTML nested too deep: more than ${limits.maxDepth} open elements; the chapter's raw HTML is left out`,
          piece.position,
          'nesting-too-deep',
          'Close the elements you open, or write the content in Markdown.',
        );
        for (const html of pieces) html.value = '';
        return;
      }
    }
  }
}
