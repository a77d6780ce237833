import sax from 'sax';
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

/**
 * Check that a text is well-formed XML and return its element tree, with the place of every
 * element: CSL styles and locales are plain XML, and an edit that breaks one should be reported
 * where it happened. The parsing is `sax`'s (strict mode); this module turns its first error
 * into a sentence and a place.
 *
 * @param text the XML.
 */
export function checkXml(text: string): XmlCheck {
  const lines = new LineIndex(text);
  const parser = sax.parser(true, { position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: { reason: string; place: Point } | undefined;
  /** Where the tag being read starts (sax counts the position after its `<`). */
  const tagStart = () => lines.point(Math.max(0, parser.startTagPosition - 1));

  parser.onopentag = (tag) => {
    const attributes: Record<string, string> = {};
    // Strict mode without namespaces gives attribute values as strings.
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = String(value);
    const element: XmlElement = { name: tag.name, attributes, place: tagStart(), children: [] };
    const parent = stack.at(-1);
    if (parent) {
      element.parent = parent;
      parent.children.push(element);
    } else if (root) {
      failure ??= { reason: `Second root element \`<${tag.name}>\``, place: element.place };
    } else root = element;
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.onerror = (error) => {
    failure ??= describe(error.message.split('\n')[0]!, parser, stack, tagStart, () =>
      lines.point(Math.max(0, parser.position - 1)),
    );
    // Stop at the first problem: later ones are usually its consequences.
    throw error;
  };
  try {
    parser.write(text).close();
  } catch {
    // Reported through `failure`.
  }
  if (failure) return { ok: false, ...failure };
  if (!root) return { ok: false, reason: 'No root element', place: lines.point(0) };
  return { ok: true, root };
}

/** sax's error, in the words authors of CSL files know. */
function describe(
  message: string,
  parser: sax.SAXParser,
  stack: readonly XmlElement[],
  tagStart: () => Point,
  here: () => Point,
): { reason: string; place: Point } {
  const open = stack.at(-1);
  // sax keeps the name of the tag it is reading on the parser; its typings leave it out.
  const tagName = (parser as sax.SAXParser & { tagName?: string }).tagName ?? '';
  if (message.startsWith('Unexpected close tag') && open)
    return {
      reason: `Closing tag \`</${tagName}>\` does not match \`<${open.name}>\` (line ${open.place.line})`,
      place: tagStart(),
    };
  if (message.startsWith('Unmatched closing tag'))
    return { reason: `Closing tag \`</${tagName}>\` has no opening tag`, place: tagStart() };
  if (message.startsWith('Unclosed root tag') && open)
    return { reason: `Element \`<${open.name}>\` is not closed`, place: open.place };
  if (/entity/i.test(message)) return { reason: 'Bare `&` (write `&amp;`)', place: here() };
  if (/outside of root node|Non-whitespace before first tag/.test(message))
    return { reason: 'Text outside the root element', place: here() };
  if (/Unquoted attribute value|Attribute without value/.test(message))
    return { reason: 'Malformed attribute (values need quotes)', place: here() };
  if (/Invalid tagname|Unencoded </.test(message))
    return { reason: '`<` that starts no tag (write `&lt;` in text)', place: here() };
  return { reason: message, place: here() };
}

/** Every element of a tree, depth first. */
export function* elements(root: XmlElement): Generator<XmlElement> {
  yield root;
  for (const child of root.children) yield* elements(child);
}
