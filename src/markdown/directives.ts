import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Paragraph } from 'mdast';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** Whether a node is a directive (`:::name`, `::name`, `:name`). */
export function isDirective(node: { type: string }): node is Directive {
  return (
    node.type === 'containerDirective' ||
    node.type === 'leafDirective' ||
    node.type === 'textDirective'
  );
}

/** The `[label]` paragraph remark-directive puts first in a container directive, if any. */
export function takeDirectiveLabel(node: ContainerDirective): Paragraph | undefined {
  const first = node.children[0];
  if (
    first?.type === 'paragraph' &&
    (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel
  ) {
    node.children.shift();
    return first;
  }
  return undefined;
}
