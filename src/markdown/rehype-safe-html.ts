import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';

const dangerousElements = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'base',
  'meta',
  'link',
  'style',
]);
const urlProperties = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'data'];
const scriptUrl = /^\s*(javascript|vbscript):/i;

/**
 * Remove raw HTML that could run script or change the page (`<script>`, `<iframe>`, `<style>`,
 * `on*=` handlers, `javascript:` URLs) and report each removal as an error at its place in the
 * chapter. Harmless raw HTML (`<abbr>`, `<sup>`, `<br>` …) is kept.
 */
export default function rehypeSafeHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (dangerousElements.has(node.tagName)) {
        report(
          file,
          'error',
          `Raw HTML \`<${node.tagName}>\` removed: it could run script or alter the page`,
          node.position,
          'html-unsafe',
          'Write the content in Markdown; embeds and scripts are not allowed in chapters.',
        );
        if (parent && typeof index === 'number') parent.children.splice(index, 1);
        return [SKIP, index ?? 0];
      }
      for (const key of Object.keys(node.properties)) {
        if (/^on[A-Z]/.test(key) || /^on[a-z]+$/.test(key)) {
          report(
            file,
            'error',
            `Event handler attribute \`${key.toLowerCase()}\` on \`<${node.tagName}>\` removed`,
            node.position,
            'html-unsafe',
            'Event handlers would run script in readers’ browsers; remove the attribute.',
          );
          delete node.properties[key];
        }
      }
      for (const key of urlProperties) {
        const value = node.properties[key];
        if (typeof value === 'string' && scriptUrl.test(value)) {
          report(
            file,
            'error',
            `\`${key}\` with a script URL on \`<${node.tagName}>\` removed`,
            node.position,
            'html-unsafe',
            'Use an ordinary web address or `#id`.',
          );
          delete node.properties[key];
        }
      }
      return undefined;
    });
  };
}
