import type { Point } from 'unist';
import { LineIndex } from './source-map.ts';

/** An element of a checked XML document. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  place: Point;
  parent?: XmlElement;
  children: XmlElement[];
}

/** The first well-formedness problem, or the element tree. */
export type XmlCheck = { ok: true; root: XmlElement } | { ok: false; reason: string; place: Point };

const namePattern = /[A-Za-z_][\w.:-]*/y;
const attributePattern = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/**
 * Check that a text is well-formed XML (tags balanced and nested, attributes quoted, one root,
 * `&` only in entities) and return its element tree. Small on purpose: CSL styles and locales
 * are plain XML, and the point is a precise position when an edit breaks one.
 *
 * @param text the XML.
 */
export function checkXml(text: string): XmlCheck {
  const lines = new LineIndex(text);
  const fail = (reason: string, offset: number): XmlCheck => ({
    ok: false,
    reason,
    place: lines.point(offset),
  });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('<', index);
    const textEnd = open === -1 ? text.length : open;
    const bad = badText(text, index, textEnd, stack.length > 0);
    if (bad) return fail(bad.reason, bad.offset);
    if (open === -1) break;
    if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open + 4);
      if (end === -1) return fail('Comment `<!--` is not closed', open);
      index = end + 3;
    } else if (text.startsWith('<![CDATA[', open)) {
      const end = text.indexOf(']]>', open);
      if (end === -1) return fail('`<![CDATA[` is not closed', open);
      index = end + 3;
    } else if (text.startsWith('<?', open)) {
      const end = text.indexOf('?>', open);
      if (end === -1) return fail('`<?` is not closed', open);
      index = end + 2;
    } else if (text.startsWith('<!', open)) {
      const end = text.indexOf('>', open);
      if (end === -1) return fail('`<!` is not closed', open);
      index = end + 1;
    } else if (text[open + 1] === '/') {
      namePattern.lastIndex = open + 2;
      const name = namePattern.exec(text)?.[0];
      const end = text.indexOf('>', open);
      if (!name || end === -1 || text.slice(namePattern.lastIndex, end).trim())
        return fail('Malformed closing tag', open);
      const current = stack.pop();
      if (!current) return fail(`Closing tag \`</${name}>\` has no opening tag`, open);
      if (current.name !== name)
        return fail(
          `Closing tag \`</${name}>\` does not match \`<${current.name}>\` (line ${current.place.line})`,
          open,
        );
      index = end + 1;
    } else {
      namePattern.lastIndex = open + 1;
      const name = namePattern.exec(text)?.[0];
      if (!name) return fail('`<` that starts no tag (write `&lt;` in text)', open);
      const element: XmlElement = { name, attributes: {}, place: lines.point(open), children: [] };
      let at = namePattern.lastIndex;
      for (;;) {
        attributePattern.lastIndex = at;
        const attribute = attributePattern.exec(text);
        if (!attribute) break;
        const value = attribute[2] ?? attribute[3] ?? '';
        const entity = badText(value, 0, value.length, true);
        if (entity) return fail(entity.reason, at);
        element.attributes[attribute[1]!] = decode(value);
        at = attributePattern.lastIndex;
      }
      const rest = /\s*(\/?)>/y;
      rest.lastIndex = at;
      const close = rest.exec(text);
      if (!close) return fail(`Malformed attribute in \`<${name}>\` (values need quotes)`, at);
      const parent = stack.at(-1);
      if (parent) {
        element.parent = parent;
        parent.children.push(element);
      } else if (root) {
        return fail(`Second root element \`<${name}>\``, open);
      } else {
        root = element;
      }
      if (!close[1]) stack.push(element);
      index = rest.lastIndex;
    }
  }
  if (stack.length > 0) {
    const open = stack.at(-1)!;
    return { ok: false, reason: `Element \`<${open.name}>\` is not closed`, place: open.place };
  }
  if (!root) return fail('No root element', 0);
  return { ok: true, root };
}

/** A bare `&` or text outside the root element. */
function badText(
  text: string,
  start: number,
  end: number,
  inside: boolean,
): { reason: string; offset: number } | undefined {
  for (let index = start; index < end; index++) {
    const char = text[index]!;
    if (!inside && !/\s/.test(char) && char !== '\uFEFF')
      return { reason: 'Text outside the root element', offset: index };
    if (
      char === '&' &&
      !/^&(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);/.test(text.slice(index, index + 12))
    ) {
      return { reason: 'Bare `&` (write `&amp;`)', offset: index };
    }
  }
  return undefined;
}

/** Decode the five XML entities and numeric references. */
function decode(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return value.replace(/&(#x[\da-fA-F]+|#\d+|\w+);/g, (whole, code: string) =>
    code[0] === '#'
      ? String.fromCodePoint(
          code[1] === 'x' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1)),
        )
      : (named[code] ?? whole),
  );
}

/** Every element of a tree, depth first. */
export function* elements(root: XmlElement): Generator<XmlElement> {
  yield root;
  for (const child of root.children) yield* elements(child);
}
