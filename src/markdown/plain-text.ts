import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * The plain text of inline Markdown, for titles and captions used elsewhere (lists of figures
 * and tables, link tooltips, PDF lists, the registry). Citations have no text until the
 * document pass formats them, so `toString` would leave "late 2024 ." where "late 2024
 * [@key]." was: the space and empty brackets they leave are removed here, once for every title.
 */
export function plainText(nodes: Nodes | readonly Nodes[]): string {
  const list = Array.isArray(nodes) ? nodes : [nodes as Nodes];
  return tidy(list.map((node) => toString(node)).join(' '));
}

/** Collapse white space and drop the gaps that removed inline nodes leave before punctuation. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/\s+([.,;:!?)\]])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
