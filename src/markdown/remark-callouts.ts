import type { Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { takeDirectiveLabel } from './directives.ts';
import { replaceChildren } from './tree-edit.ts';

/** Callout kinds and their default titles. */
export const calloutTitles: Record<string, string> = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
};

/**
 * Render `:::note`, `:::tip`, `:::important`, `:::warning` and `:::caution` blocks as labelled
 * callouts; `:::note[Own title]` replaces the default title.
 */
export default function remarkCallouts() {
  return (tree: Root) => {
    visit(tree, 'containerDirective', (node, index, parent) => {
      const defaultTitle = calloutTitles[node.name];
      if (!defaultTitle) return;
      const label = takeDirectiveLabel(node);
      // Cast: an mdast node that remark-rehype renders through `data.hName`/`hChildren`, holding
      // content mdast's types do not allow there (hast elements, blocks in a paragraph).
      const box = {
        type: 'blockquote',
        data: { hName: 'aside', hProperties: { className: ['callout', `callout-${node.name}`] } },
        position: node.position,
        children: [
          {
            type: 'paragraph',
            data: { hProperties: { className: ['callout-title'] } },
            children: label ? label.children : [{ type: 'text', value: defaultTitle }],
          },
          ...node.children,
        ],
      } as unknown as RootContent;
      if (parent && typeof index === 'number') replaceChildren(parent, index, 1, box);
      return SKIP;
    });
  };
}
