import type { ElementContent } from 'hast';
import type { Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import { isDirective } from './directives.ts';
import { generatedBlock } from './generated-block.ts';
import { replaceChildren } from './tree-edit.ts';

/**
 * Renders a leaf directive (`::name{…}`) as hast (built with hastscript, never as an HTML
 * string), or reports and returns undefined (the block is left out).
 */
export type BlockRenderer = (node: LeafDirective, file: VFile) => ElementContent[] | undefined;

export interface RemarkBlocksOptions {
  /** Renderers by directive name: `recommendations`, `bibliography`, `roadmap`, … */
  blocks: Record<string, BlockRenderer>;
}

/** Container directives handled by earlier plugins; anything else is unknown. */
const containerNames = new Set([
  'figure',
  'table',
  'recommendation',
  'note',
  'tip',
  'important',
  'warning',
  'caution',
]);

/**
 * Replace generated blocks (`::recommendations`, `::bibliography`, `::roadmap{…}`) with their
 * hast (see generated-block.ts), and report directives nobody knows. A stray `:name` in prose (remark-directive reads
 * "ratio:high" as a text directive) is put back as the text it was.
 */
export default function remarkBlocks(options: RemarkBlocksOptions) {
  const { blocks } = options;
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (!isDirective(node) || !parent || typeof index !== 'number') return;
      if (node.type === 'textDirective') {
        const text = `:${node.name}${node.children.length ? `[${toString(node)}]` : ''}`;
        replaceChildren(parent, index, 1, { type: 'text', value: text });
        return SKIP;
      }
      if (node.type === 'leafDirective') {
        const render = blocks[node.name];
        if (!render) {
          report(
            file,
            'error',
            `Unknown block \`::${node.name}\``,
            node.position,
            'directive-unknown',
            `Known blocks: ${Object.keys(blocks)
              .map((n) => `\`::${n}\``)
              .join(', ')}.`,
          );
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
        const content = render(node, file);
        parent.children.splice(
          index,
          1,
          ...(content === undefined ? [] : [generatedBlock(content)]),
        );
        return [SKIP, index];
      }
      if (!containerNames.has(node.name)) {
        report(
          file,
          'error',
          `Unknown block \`:::${node.name}\``,
          node.position,
          'directive-unknown',
          `Known blocks: ${[...containerNames].map((n) => `\`:::${n}\``).join(', ')}.`,
        );
        replaceChildren(parent, index, 1, ...node.children);
        return [SKIP, index];
      }
      return undefined;
    });
  };
}
