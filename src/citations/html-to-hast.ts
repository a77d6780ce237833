import type { ElementContent, Element, Properties } from 'hast';

const tagPattern = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*(\/?)>/gi;
const attributePattern = /([a-z-]+)="([^"]*)"/gi;
const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * Turn citeproc's HTML (a few tags: `i`, `b`, `span`, `sup`, `sub`, `a`, `div`; numeric
 * entities) into hast, so citations become ordinary nodes of the chapter tree: no raw HTML, no
 * second HTML parser run over the page. Not a general HTML parser.
 *
 * @param html citeproc output (all text escaped by citeproc).
 * @param link how an `<a data-ref="id">` made for a cite becomes a link (its properties).
 */
export function htmlToHast(html: string, link: (id: string) => Properties): ElementContent[] {
  const root: Element = { type: 'element', tagName: 'root', properties: {}, children: [] };
  const stack: Element[] = [root];
  let at = 0;
  for (const match of html.matchAll(tagPattern)) {
    if (match.index > at) pushText(stack.at(-1)!, html.slice(at, match.index));
    at = match.index + match[0].length;
    const [, closing, name, attributes, selfClosing] = match;
    const tagName = name!.toLowerCase();
    if (closing) {
      const index = stack.findLastIndex((element) => element.tagName === tagName);
      if (index > 0) stack.length = index;
      continue;
    }
    const properties: Properties = {};
    for (const [, key, value] of attributes!.matchAll(attributePattern)) {
      const text = decode(value!);
      if (key === 'class') properties.className = text.split(/\s+/).filter(Boolean);
      else if (key === 'data-ref') Object.assign(properties, link(text));
      else properties[key === 'style' ? 'style' : key!] = text;
    }
    const element: Element = { type: 'element', tagName, properties, children: [] };
    stack.at(-1)!.children.push(element);
    if (!selfClosing && tagName !== 'br') stack.push(element);
  }
  if (at < html.length) pushText(stack.at(-1)!, html.slice(at));
  return root.children;
}

/** Append decoded text to an element, merging with a text node before it. */
function pushText(parent: Element, raw: string) {
  const value = decode(raw);
  if (!value) return;
  const last = parent.children.at(-1);
  if (last?.type === 'text') last.value += value;
  else parent.children.push({ type: 'text', value });
}

/** Decode character references (`&#38;`, `&#x2013;`, `&amp;`). */
export function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, code: string) =>
    code[0] === '#'
      ? String.fromCodePoint(
          code[1] === 'x' || code[1] === 'X'
            ? Number.parseInt(code.slice(2), 16)
            : Number(code.slice(1)),
        )
      : (named[code] ?? whole),
  );
}

/** The text of citeproc HTML without tags (for alt text and plain-text output). */
export function htmlToText(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ''));
}
