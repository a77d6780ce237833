import sax from 'sax';
import { escapeHtml } from '../util/escape-html.ts';
import { normaliseUrl } from './safe-url.ts';

/** One thing removed from an SVG, with its place in the SVG file (1-based). */
export interface SvgRemoval {
  what: string;
  line: number;
  column: number;
}

export type SanitizedSvg =
  | { ok: true; svg: string; removed: SvgRemoval[] }
  | { ok: false; reason: string; line: number; column: number };

/** Elements removed with everything inside them: script, embedded HTML, attribute animations. */
const removedElements = new Set([
  'script',
  'foreignobject',
  'set',
  'animate',
  'animatemotion',
  'animatetransform',
  'handler',
  'listener',
  'iframe',
  'embed',
  'object',
]);

/**
 * The one SVG sanitiser, used wherever an SVG file is published or printed: check (to report),
 * the site build and the dev server (to copy/serve). It parses the SVG as strict XML and writes
 * it out again element by element, so what a browser reads is only what passed: no `<script>`,
 * no `<foreignObject>`, no animation elements (`<set>`/`<animate…>` can turn a link into
 * `javascript:`), no `on*` handlers, no reference to anything but a `#fragment` of the same
 * file (`href`, `xlink:href`, `url(…)`, CSS `@import`). Comments, doctype and processing
 * instructions other than `<?xml …?>` are dropped. An SVG that is not well-formed XML or whose
 * root is not `<svg>` is refused as a whole.
 */
export function sanitizeSvg(text: string): SanitizedSvg {
  const parser = sax.parser(true, { position: true });
  const removed: SvgRemoval[] = [];
  const out: string[] = [];
  let skipDepth = 0;
  let depth = 0;
  let failure: { reason: string; line: number; column: number } | undefined;
  /** Text of the `<style>` element being read (checked when it closes), with its output index. */
  let style: { start: number; text: string; line: number; column: number } | undefined;
  const here = () => ({ line: parser.line + 1, column: parser.column + 1 });
  const remove = (what: string) => removed.push({ what, ...here() });

  const stop = new Error('stop');
  parser.onerror = (error) => {
    failure ??= { reason: error.message.split('\n')[0]!, ...here() };
    throw stop;
  };
  parser.onprocessinginstruction = (node) => {
    if (node.name === 'xml' && out.length === 0) out.push(`<?xml ${node.body}?>`);
  };
  parser.onopentag = (node) => {
    depth += 1;
    if (skipDepth > 0) {
      skipDepth += 1;
      return;
    }
    const local = localName(node.name).toLowerCase();
    if (depth === 1 && local !== 'svg') {
      failure ??= { reason: `the root element is \`<${node.name}>\`, not \`<svg>\``, ...here() };
      return;
    }
    if (removedElements.has(local)) {
      remove(`\`<${node.name}>\``);
      skipDepth = 1;
      return;
    }
    let tag = `<${node.name}`;
    for (const [name, value] of Object.entries(node.attributes as Record<string, string>)) {
      const why = unsafeAttribute(name, value);
      if (why) remove(`\`${name}\` ${why} on \`<${node.name}>\``);
      else tag += ` ${name}="${escapeHtml(value)}"`;
    }
    out.push(`${tag}>`);
    if (local === 'style') style = { start: out.length, text: '', ...here() };
  };
  parser.onclosetag = (name) => {
    depth -= 1;
    if (skipDepth > 0) {
      skipDepth -= 1;
      return;
    }
    if (style && localName(name).toLowerCase() === 'style') {
      if (hasExternalReference(style.text) || /@import/i.test(style.text)) {
        removed.push({
          what: 'a `<style>` with an external reference',
          line: style.line,
          column: style.column,
        });
        out.length = style.start - 1;
        style = undefined;
        return;
      }
      style = undefined;
    }
    out.push(`</${name}>`);
  };
  const onText = (value: string) => {
    if (skipDepth > 0 || depth === 0) return;
    if (style) style.text += value;
    out.push(escapeHtml(value));
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  try {
    parser.write(text).close();
  } catch (error) {
    if (error !== stop) throw error;
  }
  if (failure) return { ok: false, ...failure };
  if (out.length === 0) return { ok: false, reason: 'no `<svg>` element', line: 1, column: 1 };
  return { ok: true, svg: `${out.join('')}\n`, removed };
}

/** Why an attribute must go (a few words), or undefined when it may stay. */
function unsafeAttribute(name: string, value: string): string | undefined {
  const local = localName(name).toLowerCase();
  if (local.startsWith('on')) return 'event handler';
  if (local === 'href' || local === 'src' || name.toLowerCase() === 'xml:base') {
    return normaliseUrl(value).startsWith('#') ? undefined : `reference \`${value.slice(0, 60)}\``;
  }
  if (hasExternalReference(value)) return 'external `url(…)`';
  return undefined;
}

/** Whether CSS text holds a `url(…)` that is not a `#fragment` of the same file. */
function hasExternalReference(css: string): boolean {
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi))
    if (!normaliseUrl(match[2]!).startsWith('#')) return true;
  return false;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
