/**
 * Unclosed container blocks (`:::figure` … `:::`) and closing fences that close nothing.
 *
 * micromark-extension-directive closes a container that has no closing fence at the end of
 * the file (or of the block around it) without a message, so the headings and paragraphs after
 * it silently land inside a caption or a recommendation box. This check reads the fences in the
 * source: a container is closed when the last line of its node is a fence of at least as many
 * colons as its opening, and no block inside it used that fence already.
 *
 * @see https://github.com/micromark/micromark-extension-directive (fences and their lengths)
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';

/** A closing fence line: only colons (after a block quote or list indent). */
const fencePattern = /^[\s>]*(:{3,})\s*$/;

/** Report unclosed containers (errors) and stray closing fences (warnings) of one chapter. */
export function checkFences(tree: Root, markdown: string, file: VFile): void {
  const lines = markdown.split('\n');
  const lastLine = lastContentLine(lines);
  const claimed = new Map<number, string>();

  // Post-order, iteratively: inner blocks claim their closing fence before outer ones.
  const order: ContainerDirective[] = [];
  const strays: number[] = [];
  const stack: { type: string; children?: unknown[] }[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    // Casts: the stack holds mdast nodes; their type field says which one.
    if (node.type === 'containerDirective') order.push(node as unknown as ContainerDirective);
    if (node.type === 'text') {
      const text = node as unknown as { value: string; position?: { start: { line: number } } };
      const start = text.position?.start.line;
      if (start !== undefined)
        text.value.split('\n').forEach((line, index) => {
          if (/^:{3,}\s*$/.test(line)) strays.push(start + index);
        });
    }
    for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[])
      stack.push(child);
  }
  // Deeper (later in pre-order, with a later start) first: sort by start line, descending.
  order.sort((a, b) => (b.position?.start.line ?? 0) - (a.position?.start.line ?? 0));
  const unclosed: { node: ContainerDirective; opening: number }[] = [];
  for (const node of order) {
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end) continue;
    const opening = /^[\s>]*(:{3,})/.exec(lines[start.line - 1] ?? '')?.[1]?.length ?? 3;
    const fence = fencePattern.exec(lines[end.line - 1] ?? '')?.[1]?.length ?? 0;
    if (end.line > start.line && fence >= opening && !claimed.has(end.line))
      claimed.set(end.line, `${':'.repeat(opening)}${node.name}`);
    else unclosed.push({ node, opening });
  }
  for (const { node, opening } of unclosed.reverse()) {
    const start = node.position!.start;
    const end = node.position!.end;
    const colons = ':'.repeat(opening);
    const closer = claimed.get(end.line);
    const where = closer
      ? `it runs to line ${end.line}, whose \`:::\` closes \`${closer}\``
      : end.line >= lastLine
        ? 'it runs to the end of the file'
        : `it runs to line ${end.line}, where the block around it ends`;
    report(
      file,
      'error',
      `\`${colons}${node.name}\` is never closed: ${where}`,
      { line: start.line, column: start.column },
      'block-unclosed',
      `End the block with a line \`${colons}\` (at least as many colons as its opening line); a block inside another needs fewer colons than the outer one.`,
    );
  }
  for (const line of strays) {
    report(
      file,
      'warning',
      'This `:::` closes no block',
      { line, column: 1 },
      'block-stray-close',
      'Remove it, or open the block it should close (`:::name`) above it.',
    );
  }
}

/** 1-based number of the last line that is not blank. */
function lastContentLine(lines: readonly string[]): number {
  for (let index = lines.length - 1; index >= 0; index--)
    if (lines[index]!.trim() !== '') return index + 1;
  return 1;
}
