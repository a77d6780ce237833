import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * GFM task-list checkboxes have no accessible name; give each the text of its list item
 * (axe `label` rule) and keep them read-only.
 */
export default function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li') return;
      const box =
        node.children.find(
          (child): child is Element =>
            child.type === 'element' &&
            child.tagName === 'input' &&
            child.properties.type === 'checkbox',
        ) ?? findNestedCheckbox(node);
      if (!box) return;
      box.properties.ariaLabel = toString(node).trim() || 'task';
    });
  };
}

function findNestedCheckbox(li: Element): Element | undefined {
  const first = li.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'p',
  );
  return first?.children.find(
    (child): child is Element =>
      child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox',
  );
}
