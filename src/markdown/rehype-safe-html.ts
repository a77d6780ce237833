import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import { isSafeUrl, srcsetUrls } from './safe-url.ts';

/** Elements that run script, embed other documents or change the page; removed with their content. */
const dangerousElements = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'applet',
  'frame',
  'frameset',
  'portal',
  'base',
  'meta',
  'link',
  'style',
  'template',
  'noscript',
  // SVG inside raw HTML: HTML in a foreign object, and animations that can set an attribute.
  'foreignObject',
  'set',
  'animate',
  'animateMotion',
  'animateTransform',
  'handler',
  'listener',
]);

/** Form controls: a chapter must not ask readers for input (a fake login form on the site's origin). */
const formElements = new Set([
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'keygen',
  'output',
  'menuitem',
  'isindex',
]);

/** hast property names of every attribute that holds one URL. */
const urlProperties = [
  'href',
  'src',
  'action',
  'formAction',
  'xLinkHref',
  'poster',
  'data',
  'cite',
  'background',
  'longDesc',
  'lowsrc',
  'dynsrc',
  'manifest',
  'icon',
  'codeBase',
  'archive',
  'profile',
  'itemId',
  'xmlBase',
  'xLinkRole',
  'xLinkArcRole',
];
/** Properties that hold several URLs. */
const urlListProperties = ['srcSet', 'ping', 'imageSrcSet'];

/**
 * Remove raw HTML that could run script, change the page or ask readers for input
 * (`<script>`, `<iframe>`, `<style>`, forms and their controls, `on*=` handlers, URLs with a
 * scheme other than http, https and mailto), and report each removal as an error at its place
 * in the chapter. Harmless raw HTML (`<abbr>`, `<sup>`, `<br>` …) is kept. URLs are judged after
 * the browser's own normalisation (see `safe-url.ts`).
 */
export default function rehypeSafeHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const tag = node.tagName;
      if (dangerousElements.has(tag) || (formElements.has(tag) && !isTaskCheckbox(node))) {
        const form = formElements.has(tag);
        report(
          file,
          'error',
          form
            ? `Raw HTML form control \`<${tag}>\` removed: chapters cannot ask readers for input`
            : `Raw HTML \`<${tag}>\` removed: it could run script or alter the page`,
          node.position,
          'html-unsafe',
          form
            ? 'Link to a form hosted elsewhere (`[Give feedback](https://…)`) instead.'
            : 'Write the content in Markdown; embeds and scripts are not allowed in chapters.',
        );
        if (parent && typeof index === 'number') parent.children.splice(index, 1);
        return [SKIP, index ?? 0];
      }
      for (const key of Object.keys(node.properties)) {
        if (/^on/i.test(key)) {
          report(
            file,
            'error',
            `Event handler attribute \`${key.toLowerCase()}\` on \`<${tag}>\` removed`,
            node.position,
            'html-unsafe',
            'Event handlers would run script in readers’ browsers; remove the attribute.',
          );
          delete node.properties[key];
        }
      }
      for (const key of [...urlProperties, ...urlListProperties]) {
        const value = node.properties[key];
        if (value === undefined || value === null) continue;
        const urls = urlListProperties.includes(key)
          ? Array.isArray(value)
            ? value.flatMap((part) => srcsetUrls(String(part)))
            : srcsetUrls(String(value))
          : [Array.isArray(value) ? value.join(' ') : String(value)];
        const unsafe = urls.find((url) => !isSafeUrl(url));
        if (unsafe === undefined) continue;
        report(
          file,
          'error',
          `\`${key.toLowerCase()}\` with a disallowed URL on \`<${tag}>\` removed`,
          node.position,
          'html-unsafe',
          'Use an http, https or mailto address, a relative link or `#id`.',
        );
        delete node.properties[key];
      }
      return undefined;
    });
  };
}

/** A GFM task-list checkbox (`- [x]`): disabled, named nowhere, harmless. */
function isTaskCheckbox(node: Element): boolean {
  const { type, disabled, name, form, formAction } = node.properties;
  return (
    node.tagName === 'input' &&
    type === 'checkbox' &&
    disabled === true &&
    name === undefined &&
    form === undefined &&
    formAction === undefined
  );
}
